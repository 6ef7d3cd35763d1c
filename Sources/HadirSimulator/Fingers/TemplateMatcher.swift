/// Decides whether two templates come from the same finger, and with what score.
///
/// Virtual fingers' templates match when they belong to the same finger; any other
/// template (downloaded from a host) matches only a byte-identical copy, since the
/// simulator cannot judge real minutiae.
public enum TemplateMatcher {
    /// The score when `a` and `b` match, or nil when they do not.
    public static func score(_ a: [UInt8], _ b: [UInt8]) -> UInt16? {
        if let finger = VirtualFinger.identify(template: a) {
            return VirtualFinger.identify(template: b) == finger ? finger.matchScore : nil
        }
        guard a == b, !a.isEmpty else { return nil }
        return UInt16(50 + a.reduce(0) { ($0 + Int($1)) % 200 })
    }
}
