/// Body of `POST /v1/usb-export`: what `hadirctl export-usb` did, so the kiosk can tell the
/// person at the door whether the stick may be pulled out.
public struct UsbExportBody: Codable, Sendable, Hashable {
    /// `YYYY-MM`, the month exported (nil when it failed before a month was chosen).
    public var month: String?
    /// The files written, relative to the stick's root (empty when it failed).
    public var files: [String]
    /// Why it failed; nil on success.
    public var error: String?

    public init(month: String?, files: [String], error: String? = nil) {
        self.month = month
        self.files = files
        self.error = error
    }
}
