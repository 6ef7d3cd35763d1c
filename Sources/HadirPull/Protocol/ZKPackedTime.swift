/// The ZK packed uint32 time (spec §6): `((Y%100)*12*31 + (M-1)*31 + (D-1))*86400 + (h*60+m)*60 + s`
/// for years 2000–2099, plus the 6-byte form live events use.
public enum ZKPackedTime {
    /// The years the packed form can carry: it stores only `Y % 100`.
    public static let supportedYears = 2000...2099

    /// The packed value of `time`, or nil for an impossible date or a year outside 2000–2099
    /// (an impossible date aborts a whole pyzk download, so none may ever be encoded).
    public static func encode(_ time: ZKDateTime) -> UInt32? {
        guard time.isValid, supportedYears.contains(time.year) else { return nil }
        let days = (time.year % 100) * 12 * 31 + (time.month - 1) * 31 + (time.day - 1)
        let seconds = days * 86_400 + (time.hour * 60 + time.minute) * 60 + time.second
        return UInt32(seconds)  // at most 3,214,079,999 for 2099-12-31 23:59:59
    }

    /// The wall time a packed value stands for (pyzk's `decode_time`).
    ///
    /// Every month counts 31 days in this form, so garbage can yield impossible dates such as
    /// Feb 31, and large values years up to 2133: callers check `isValid` and the year.
    public static func decode(_ value: UInt32) -> ZKDateTime {
        var rest = Int(value)
        let second = rest % 60
        rest /= 60
        let minute = rest % 60
        rest /= 60
        let hour = rest % 24
        rest /= 24
        let day = rest % 31 + 1
        rest /= 31
        let month = rest % 12 + 1
        rest /= 12
        return ZKDateTime(year: rest + 2000, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// The 6-byte live-event time: year-2000, month, day, hour, minute, second.
    ///
    /// Each field is truncated to a byte, so callers pass valid times in 2000–2099 (as punches are).
    public static func encodeLive(_ time: ZKDateTime) -> [UInt8] {
        [time.year - 2000, time.month, time.day, time.hour, time.minute, time.second].map {
            UInt8(truncatingIfNeeded: $0)
        }
    }

    /// The wall time in a 6-byte live-event time; nil when fewer than 6 bytes are given.
    public static func decodeLive(_ bytes: some Collection<UInt8>) -> ZKDateTime? {
        let fields = Array(bytes.prefix(6)).map(Int.init)
        guard fields.count == 6 else { return nil }
        return ZKDateTime(
            year: fields[0] + 2000, month: fields[1], day: fields[2], hour: fields[3], minute: fields[4], second: fields[5])
    }
}
