import HadirCore

/// Encodes punches as the body of `POST /iclock/cdata?table=ATTLOG&Stamp=n` (reference §2).
///
/// Each line has exactly seven TAB-separated fields, `PIN, local time, Status, Verify, Workcode, 0, 0`:
/// some servers silently drop lines of any other length while still answering OK, so the shape is
/// fixed here and nowhere else. Lines are joined with LF, without a trailing LF.
public enum ATTLOGEncoder {
    /// One ATTLOG line: `1452\t2015-07-30 15:16:28\t0\t1\t0\t0\t0`. Workcode is always 0 (the kiosk has none).
    public static func line(pin: EmployeePIN, localTime: LocalDateTime, state: PunchState, verify: VerifyMethod) throws(ATTLOGEncoderError)
        -> String
    {
        try line(pin: pin, localTime: localTime, state: state, verify: verify, reserved: "0")
    }

    /// The ATTLOG line of a journal punch, its UTC instant shown as wall time at `zoneOffsetSeconds`
    /// (normally the punch's own `draft.zoneOffsetSeconds`, or the zone the server is configured with).
    ///
    /// A clock correction row names the punch it re-times in the last (reserved) field,
    /// `corrects=2026-11-23T08:05:11`: the original line's local time, which with the serial and PIN
    /// is the server's own key for the line it already holds (`original`, looked up by the caller;
    /// without it, `corrects=seq:<n>`). Other lines keep `0` there. See
    /// docs/decisions/0010-clock-corrections.md.
    public static func line(for punch: Punch, zoneOffsetSeconds: Int32, original: Punch? = nil) throws(ATTLOGEncoderError) -> String {
        let time = LocalDateTime(utcMilliseconds: punch.utcMilliseconds, offsetSeconds: zoneOffsetSeconds)
        var reserved = "0"
        if let correctsSeq = punch.draft.correctsSeq {
            reserved = "corrects=seq:\(correctsSeq)"
            if let original, original.seq == correctsSeq {
                let originalTime = LocalDateTime(utcMilliseconds: original.utcMilliseconds, offsetSeconds: zoneOffsetSeconds)
                guard let text = ADMSLocalTime.format(originalTime) else { throw .unrepresentableTime(originalTime) }
                reserved = "corrects=" + String(text.map { $0 == " " ? "T" : $0 })
            }
        }
        return try line(pin: punch.pin, localTime: time, state: punch.draft.state, verify: punch.draft.verify, reserved: reserved)
    }

    private static func line(pin: EmployeePIN, localTime: LocalDateTime, state: PunchState, verify: VerifyMethod, reserved: String)
        throws(ATTLOGEncoderError) -> String
    {
        guard let time = ADMSLocalTime.format(localTime) else { throw .unrepresentableTime(localTime) }
        return [pin.rawValue, time, String(state.rawValue), String(verify.rawValue), "0", "0", reserved].joined(separator: "\t")
    }

    /// The upload body for `punches` (in journal order) and the Stamp to send with it.
    ///
    /// Throws for an empty batch, for seqs that do not strictly increase (the reference forbids
    /// out-of-order batches), and when the last seq does not fit the positive int32 a Stamp must be.
    /// `originals` holds, by seq, the punches the batch's correction rows re-time.
    public static func batch(_ punches: some Collection<Punch>, zoneOffsetSeconds: Int32, originals: [Int64: Punch] = [:])
        throws(ATTLOGEncoderError) -> ATTLOGBatch
    {
        guard let first = punches.first else { throw .emptyBatch }
        var lines: [String] = []
        lines.reserveCapacity(punches.count)
        var previous: Int64?
        for punch in punches {
            if let previous, punch.seq <= previous { throw .sequenceNotIncreasing(previous: previous, next: punch.seq) }
            previous = punch.seq
            lines.append(
                try line(for: punch, zoneOffsetSeconds: zoneOffsetSeconds, original: punch.draft.correctsSeq.flatMap { originals[$0] }))
        }
        let last = previous ?? first.seq
        guard (1...Int64(Int32.max)).contains(last) else { throw .stampOutOfRange(last) }
        return ATTLOGBatch(body: lines.joined(separator: "\n"), stamp: last, firstSeq: first.seq, recordCount: lines.count)
    }
}

/// An encoded ATTLOG upload: the body, and the Stamp that names it (the seq of its last punch).
public struct ATTLOGBatch: Hashable, Sendable {
    /// LF-joined ATTLOG lines, UTF-8 (the PINs are ASCII, so bytes = characters).
    public var body: String
    /// `Stamp=` for the request: the seq of the last punch, which is what the cursor advances to on OK.
    public var stamp: Int64
    /// The seq of the first punch, for logs and for shrinking a failing batch.
    public var firstSeq: Int64
    public var recordCount: Int

    /// A batch as ``ATTLOGEncoder/batch(_:zoneOffsetSeconds:)`` builds it.
    public init(body: String, stamp: Int64, firstSeq: Int64, recordCount: Int) {
        self.body = body
        self.stamp = stamp
        self.firstSeq = firstSeq
        self.recordCount = recordCount
    }

    /// The body as bytes, ready for `Content-Length`.
    public var bodyBytes: [UInt8] { Array(body.utf8) }
}

/// Why punches could not be encoded as an ATTLOG upload.
public enum ATTLOGEncoderError: Error, Hashable, Sendable {
    case emptyBatch
    /// Seqs must strictly increase within a batch.
    case sequenceNotIncreasing(previous: Int64, next: Int64)
    /// The last seq is not in 1...Int32.max, so it cannot be sent as a Stamp.
    case stampOutOfRange(Int64)
    /// The wall time has no four-digit-year rendering (a wildly wrong clock).
    case unrepresentableTime(LocalDateTime)
}
