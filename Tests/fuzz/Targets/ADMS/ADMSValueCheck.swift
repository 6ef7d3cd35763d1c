import HadirCore
import HadirFuzzSupport
import HadirUplink

/// Upload replies and the small value parsers, each against its documented bounds and, where
/// there is an encoder, a round trip.
enum ADMSValueCheck {
    /// Only a 2xx with an OK line acknowledges a batch: a false success would lose punches.
    static func checkUploadReply(statusCode: Int, body: [UInt8]) {
        let reply = ADMSUploadReply(statusCode: statusCode, body: body)
        fuzzCheck(!reply.isAccepted || (200...299).contains(statusCode), "status \(statusCode) accepted")
        fuzzCheck(reply.reportedCount == nil || reply.isAccepted, "a count without acceptance")
        fuzzCheck((reply.reportedCount ?? 0) >= 0, "negative count \(String(describing: reply.reportedCount))")
        // The excerpt cuts 120 input bytes; an invalid byte shows as U+FFFD (3 bytes), so at most 3 × 120 + "…".
        fuzzCheck(ADMSLines.isSingleLine(reply.bodyExcerpt) && reply.bodyExcerpt.utf8.count <= 3 * 120 + 3, "body excerpt")
        if reply.isAccepted {
            let words = ADMSLines.lines(Array(body.prefix(ADMSUploadReply.inspectedBodyBytes)))
            fuzzCheck(words.contains { ADMSLines.isOK($0.prefix(2)) }, "accepted without an OK line")
        }
    }

    static func checkValues(_ text: String) {
        if let zone = ADMSTimeZone.offsetMinutes(parsing: text) { ADMSHandshakeCheck.checkZone(zone) }
        ADMSHandshakeCheck.checkTransTimes(ADMSTransTimes.minutes(parsing: text))
        if let tables = ADMSTransFlag.tables(parsing: text) {
            // Names are only matched against the known tables, never logged: any bytes but separators may stay.
            let separators = Set(" \t,;".unicodeScalars)
            let wellFormed = tables.allSatisfy { name in
                !name.isEmpty && name.utf8.count <= 3 * 32 && !name.unicodeScalars.contains(where: separators.contains)
                    && !name.utf8.contains(where: { (0x61...0x7A).contains($0) })
            }
            fuzzCheck(wellFormed, "TransFlag tables \(tables)")
        }
        _ = ADMSStamp(parsing: text)
        if let time = ADMSLocalTime.parse(text) {
            fuzzCheck(ADMSLocalTime.isValid(time), "impossible local time \(time) parsed")
            let formatted = ADMSLocalTime.format(time)
            fuzzCheck(formatted.flatMap(ADMSLocalTime.parse) == time, "local time \(time) does not round-trip")
        }
        if let time = try? ADMSCompactTime.decode(text: text) {
            let code = try? ADMSCompactTime.encode(time)
            fuzzCheck(code.flatMap { try? ADMSCompactTime.decode($0) } == time, "compact time \(time) does not round-trip")
        }
        if let arguments = try? ADMSCommandArguments(parsing: text) {
            fuzzCheck(arguments.values.count <= ADMSCommandArguments.maximumFields, "\(arguments.values.count) argument fields")
        }
    }
}
