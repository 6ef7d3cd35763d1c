/// The language of text shown and spoken at the kiosk. Bahasa Indonesia is the default.
public enum KioskLanguage: String, Sendable, Codable, CaseIterable {
    case indonesian = "id"
    case english = "en"
}
