import HadirFuzzSupport
import HadirUplink

/// The handshake parser: a reply or a typed error, and every option within what the uplink's
/// scheduler may be told (clamped ranges, bounded lists, a real zone offset, a known table).
enum ADMSHandshakeCheck {
    static func check(_ body: [UInt8]) {
        let reply: ADMSHandshakeReply
        do {
            reply = try ADMSHandshakeParser.parse(body)
        } catch {
            switch error {
            case .emptyBody: fuzzCheck(ADMSLines.lines(body).isEmpty, "non-empty body refused as empty")
            case .bodyTooLarge(let count): fuzzCheck(count > ADMSHandshakeParser.maximumBodyBytes, "\(count)-byte body refused")
            case .unrecognisedBody(let excerpt):
                fuzzCheck(ADMSLines.isSingleLine(excerpt), "excerpt spans lines: \(excerpt.debugDescription)")
            }
            return
        }
        switch reply {
        case .retry(let reason):
            fuzzCheck(ADMSLines.isSingleLine(reason) && reason.unicodeScalars.count <= 81, "retry reason \(reason.debugDescription)")
        case .useDefaults:
            break
        case .options(let options):
            checkOptions(options)
        }
    }

    static func checkOptions(_ o: ADMSServerOptions) {
        fuzzCheck(ADMSServerOptions.errorDelayRange.contains(o.errorDelaySeconds), "ErrorDelay \(o.errorDelaySeconds)")
        fuzzCheck(ADMSServerOptions.delayRange.contains(o.delaySeconds), "Delay \(o.delaySeconds)")
        fuzzCheck(ADMSServerOptions.transIntervalRange.contains(o.transIntervalMinutes), "TransInterval \(o.transIntervalMinutes)")
        checkTransTimes(o.transTimes)
        if let zone = o.timeZoneOffsetMinutes { checkZone(zone) }
        fuzzCheck(
            o.unknownKeys.count <= ADMSHandshakeParser.maximumRecordedKeys
                && o.rejectedValues.count <= ADMSHandshakeParser.maximumRecordedKeys,
            "recorded keys unbounded")
        fuzzCheck((o.unknownKeys + o.rejectedValues).allSatisfy(ADMSLines.isSingleLine), "a recorded key spans lines")
        if let tables = o.transTables, !tables.isEmpty {
            fuzzCheck(!tables.isDisjoint(with: ADMSTransFlag.digitPositions), "TransFlag without a known table: \(tables)")
        }
        fuzzCheck(o.otherStamps.count <= 16 && o.pushOptionKeys.count <= 64, "stamp or push-option list unbounded")
    }

    static func checkTransTimes(_ minutes: [Int]) {
        fuzzCheck(minutes.count <= ADMSServerOptions.maximumTransTimes, "\(minutes.count) TransTimes")
        fuzzCheck(minutes == Array(Set(minutes)).sorted(), "TransTimes not ascending and unique: \(minutes)")
        fuzzCheck(minutes.allSatisfy { (0..<1440).contains($0) }, "TransTimes outside the day: \(minutes)")
    }

    static func checkZone(_ minutes: Int) {
        fuzzCheck(abs(minutes) <= ADMSTimeZone.maximumOffsetMinutes && minutes % 15 == 0, "zone offset \(minutes) minutes")
    }
}
