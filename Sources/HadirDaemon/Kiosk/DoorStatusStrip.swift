import HadirCore

/// One item of the door screen's status strip.
public struct DoorStatusItem: Codable, Sendable, Hashable {
    public enum Level: String, Codable, Sendable {
        case ok
        case warning
        case alert
    }

    /// "network", "clock", "storage" or "scanner": the page keys its icon on it.
    public var kind: String
    public var level: Level
    public var text: String

    public init(kind: String, level: Level, text: String) {
        self.kind = kind
        self.level = level
        self.text = text
    }
}

/// What the strip says, from the same figures as `GET /v1/status`. Pure, so it is tested alone.
public enum DoorStatusStrip {
    /// The network item comes first and is always there when an uplink is configured; the others
    /// appear only when something needs attention.
    public static func items(
        uplinks: [UplinkStatus], clock: ClockStatus?, storage: StorageStatus?, scannersConnected: Bool, language: KioskLanguage
    ) -> [DoorStatusItem] {
        var items: [DoorStatusItem] = []
        if !uplinks.isEmpty {
            let backlog = uplinks.map(\.backlog).max() ?? 0
            items.append(
                isOnline(uplinks)
                    ? DoorStatusItem(kind: "network", level: .ok, text: DoorScreenText.online.text(in: language))
                    : DoorStatusItem(kind: "network", level: .warning, text: DoorScreenText.offline(backlog: backlog).text(in: language)))
        }
        if let clock, !clock.synced {
            items.append(DoorStatusItem(kind: "clock", level: .warning, text: DoorScreenText.clockUnsynced.text(in: language)))
        }
        switch storage?.level {
        case .full?: items.append(DoorStatusItem(kind: "storage", level: .alert, text: DoorScreenText.storageFull.text(in: language)))
        case .warning?, .critical?:
            items.append(DoorStatusItem(kind: "storage", level: .warning, text: DoorScreenText.storageLow.text(in: language)))
        case .ok?, nil: break
        }
        if !scannersConnected {
            items.append(DoorStatusItem(kind: "scanner", level: .alert, text: DoorScreenText.scannerFault.text(in: language)))
        }
        return items
    }

    /// Online while every server's last exchange succeeded; a server never reached yet (no
    /// success, no error) does not count against it.
    static func isOnline(_ uplinks: [UplinkStatus]) -> Bool {
        uplinks.allSatisfy { server in
            guard let failed = server.lastErrorMilliseconds else { return true }
            return (server.lastSuccessMilliseconds ?? Int64.min) > failed
        }
    }
}
