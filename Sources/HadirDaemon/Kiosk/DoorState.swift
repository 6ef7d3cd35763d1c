import HadirCore

/// `GET /kiosk/state`: what the door screen needs besides the events: the office, the zone (the
/// page ticks its clock from `nowMilliseconds` and `zoneOffsetSeconds`, never the browser's zone),
/// the status strip and every fixed text in the requested language.
public struct DoorState: Codable, Sendable {
    public var officeName: String
    public var zone: String
    public var zoneOffsetSeconds: Int32
    public var nowMilliseconds: Int64
    public var language: String
    public var resultSeconds: Int
    public var strip: [DoorStatusItem]
    public var texts: Texts

    /// Fixed texts; the page has no words of its own.
    public struct Texts: Codable, Sendable {
        public var prompt: String
        public var connecting: String
        public var switchLanguage: String
        public var weekdays: [String]
        public var months: [String]

        public init(_ language: KioskLanguage) {
            prompt = DoorScreenText.prompt.text(in: language)
            connecting = DoorScreenText.connecting.text(in: language)
            switchLanguage = DoorScreenText.switchLanguage.text(in: language)
            weekdays = DoorScreenText.weekdays(in: language)
            months = DoorScreenText.months(in: language)
        }

        enum CodingKeys: String, CodingKey {
            case prompt, connecting, weekdays, months
            case switchLanguage = "switch_language"
        }
    }

    enum CodingKeys: String, CodingKey {
        case zone, language, strip, texts
        case officeName = "office_name"
        case zoneOffsetSeconds = "zone_offset_s"
        case nowMilliseconds = "now_ms"
        case resultSeconds = "result_seconds"
    }
}
