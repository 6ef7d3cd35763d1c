import HadirFuzzSupport
import HadirPull

/// The record codecs the session applies to request payloads (and tools to replies): a value or a
/// typed error, and whatever the encoder makes of a decoded value decodes back to that encoding.
enum ZKRecordCheck {
    static func check(_ payload: [UInt8]) {
        checkUser(payload)
        checkRequests(payload)
        checkRecords(payload)
        checkUpload(payload)
        if let (name, value) = ZKOptionCodec.assignment(fromWrite: payload) {
            fuzzCheck(!name.isEmpty && !name.contains("\0") && !value.contains("\0"), "option assignment \(name)=\(value)")
        }
        fuzzCheck(!ZKOptionCodec.name(fromRequest: payload).contains("\0"), "option name holds a NUL")
    }

    /// USER_WRQ: 72 or 28 bytes, nothing else; the 72-byte encoding is stable.
    static func checkUser(_ payload: [UInt8]) {
        guard let user = try? ZKUser.decode(payload) else { return }
        fuzzCheck(payload.count == ZKUser.size72 || payload.count == ZKUser.size28, "a \(payload.count)-byte user decoded")
        var encoded: [UInt8] = []
        user.encode72(into: &encoded)
        fuzzCheck(encoded.count == ZKUser.size72, "user encodes to \(encoded.count) bytes")
        var again: [UInt8] = []
        (try? ZKUser.decode(encoded))?.encode72(into: &again)
        fuzzCheck(again == encoded, "user \(user.userID) is not stable: encoded, decoded and encoded again it changes")
    }

    static func checkRequests(_ payload: [UInt8]) {
        if let request = try? ZKReadBufferRequest.decode(payload) {
            fuzzCheck(request.encoded() == Array(payload.prefix(ZKReadBufferRequest.size)), "READ_BUFFER request does not re-encode")
        }
        if let request = try? ZKBufferRequest.decode(payload) {
            fuzzCheck(payload.count >= ZKBufferRequest.minimumLength, "a \(payload.count)-byte PREPARE_BUFFER request decoded")
            fuzzCheck((try? ZKBufferRequest.decode(request.encoded())) == request, "PREPARE_BUFFER request does not round-trip")
        }
    }

    /// Records the server encodes and tools read back: attendance, live events, free sizes, templates.
    static func checkRecords(_ payload: [UInt8]) {
        if let record = try? ZKAttendanceRecord.decode(payload) {
            fuzzCheck(record.time.isValid, "attendance record with impossible time \(record.time)")
            var encoded: [UInt8] = []
            record.encode(into: &encoded)
            var again: [UInt8] = []
            (try? ZKAttendanceRecord.decode(encoded))?.encode(into: &again)
            fuzzCheck(encoded.count == ZKAttendanceRecord.size && again == encoded, "attendance record is not stable")
        }
        if let event = try? ZKLiveEvent.decode(payload) {
            let encoded = event.encoded()
            fuzzCheck(encoded.count == ZKLiveEvent.size, "live event encodes to \(encoded.count) bytes")
            fuzzCheck((try? ZKLiveEvent.decode(encoded))?.encoded() == encoded, "live event is not stable")
        }
        if let sizes = try? ZKFreeSizes.decode(payload) {
            fuzzCheck((try? ZKFreeSizes.decode(sizes.encoded())) == sizes, "free sizes do not round-trip")
        }
        if let entries = try? ZKTemplateEntry.decodeAll(payload) {
            var encoded: [UInt8] = []
            for entry in entries { entry.encode(into: &encoded) }
            fuzzCheck(encoded == payload, "\(entries.count) template entries do not re-encode to their buffer")
        }
    }

    /// Command 110's upload: every template belongs to the user, names a finger 0…9 and is not empty.
    static func checkUpload(_ payload: [UInt8]) {
        guard let upload = try? ZKUserTemplateUpload.decode(payload) else { return }
        for template in upload.templates {
            fuzzCheck(template.uid == upload.user.uid, "template of uid \(template.uid) in the upload of \(upload.user.uid)")
            fuzzCheck(template.finger <= 9 && !template.template.isEmpty, "template for finger \(template.finger)")
        }
    }
}
