import HadirCore
import HadirScanner
import Logging

/// Everything `hadird` can be told, with the embedded defaults used when a key is absent.
/// Every key is documented in `config/hadird.toml`.
public struct HadirConfiguration: Sendable {
    public struct Device: Sendable {
        /// Overrides the serial generated once in the state directory.
        public var serial: String?
        public var stateDirectory = "/var/lib/hadir"
        public var language: KioskLanguage = .indonesian
    }

    /// One scanner module: `[scanner]`, or a `[scanner.<name>]` table of a mixed kiosk.
    public struct Scanner: Sendable {
        /// "main" for `[scanner]`, else the table name; shown in status and logs.
        public var name = "main"
        /// Set with ``setKind(_:)``, which also moves the kind-specific defaults.
        public private(set) var kind = ScannerKind.ef01
        /// How the module is reached; "auto" picks USB when a configured VID:PID is attached.
        public var transport = ScannerTransportKind.tty
        /// Native-USB modules to look for, in order of preference.
        public var usbIDs = USBDeviceID.nativeEF01Defaults
        /// Prefer the udev symlink (`/dev/hadir-fingerprint`) over ttyUSBn, which changes on re-plug.
        public var path = "/dev/hadir-fingerprint"
        public var baud = 57_600
        public var address: UInt32 = 0xFFFF_FFFF
        public var password: UInt32?
        public var identifyTimeoutMilliseconds = 500
        /// How often an EF01 module is asked for an image while no finger is on it.
        public var pollIntervalMilliseconds = 100
        public var responseTimeoutMilliseconds = 1_000
        public var enrollPressTimeoutMilliseconds = 15_000
        public var reconnectMinimumMilliseconds = 200
        public var reconnectMaximumMilliseconds = 5_000
        public var led = ScannerLedKind.none

        public init(name: String = "main") {
            self.name = name
        }

        /// Every setting in one string, so a reload can tell whether the scanner changed.
        public var reloadSignature: String {
            [
                kind.rawValue, transport.rawValue, usbIDs.map(\.description).joined(separator: ","), path, "\(baud)", "\(address)",
                password.map(String.init) ?? "", "\(identifyTimeoutMilliseconds)", "\(pollIntervalMilliseconds)",
                "\(responseTimeoutMilliseconds)",
                "\(enrollPressTimeoutMilliseconds)", "\(reconnectMinimumMilliseconds)", "\(reconnectMaximumMilliseconds)", led.rawValue,
            ].joined(separator: "|")
        }

        /// Changes the kind; path, baud and the identify window follow the new kind's defaults
        /// unless they were already set to something else.
        public mutating func setKind(_ newKind: ScannerKind) {
            let old = kind
            kind = newKind
            if path == old.defaultPath { path = newKind.defaultPath }
            if baud == old.defaultBaud { baud = newKind.defaultBaud }
            if identifyTimeoutMilliseconds == old.defaultIdentifyTimeoutMilliseconds {
                identifyTimeoutMilliseconds = newKind.defaultIdentifyTimeoutMilliseconds
            }
        }
    }

    /// `[scanner] kind`: which module protocol the scanner speaks.
    public enum ScannerKind: String, Sendable, CaseIterable {
        /// EF01 fingerprint modules (ZFM, R30x, R503, AS608).
        case ef01
        /// EFAA face modules (HLK-FM225 class), through a USB-serial bridge.
        case fm225

        public var modality: BiometricModality {
            switch self {
            case .ef01: .fingerprint
            case .fm225: .face
            }
        }

        /// The udev symlink from `udev/70-hadir-scanners.rules`.
        public var defaultPath: String {
            switch self {
            case .ef01: "/dev/hadir-fingerprint"
            case .fm225: "/dev/hadir-face"
            }
        }

        public var defaultBaud: Int {
            switch self {
            case .ef01: 57_600
            case .fm225: 115_200
            }
        }

        /// A fingerprint is polled in short rounds; a face module decides as soon as it sees a
        /// known face, so a VERIFY can run longer (whole seconds only) without slowing a punch.
        public var defaultIdentifyTimeoutMilliseconds: Int {
            switch self {
            case .ef01: 500
            case .fm225: 3_000
            }
        }
    }

    /// `[scanner] transport`.
    public enum ScannerTransportKind: String, Sendable {
        /// A tty (USB-serial bridge) at `path`.
        case tty
        /// A native-USB module with one of `usb_ids`, through libusb.
        case usb
        /// USB when a module with one of `usb_ids` is attached at connect time, else the tty.
        case auto
    }

    public struct Policy: Sendable {
        public var profile: AttendanceProfile = .bandungBarat
        public var duplicateWindowSeconds = 60
    }

    public struct Control: Sendable {
        /// Unix socket for hadirctl; empty = `<state_dir>/control.sock`.
        public var socketPath: String?
        /// The socket is handed to this group (mode 0660) when it exists: the technicians.
        public var group = "hadir"
        /// Optional LAN listener for the control API, `host:port`; nil = unix socket only.
        public var listen: (host: String, port: Int)?
        /// Bearer token the LAN listener requires.
        public var token = ""
        /// LAN listener: connections at once, and from one address (nil: 8, or all if fewer).
        public var maxConnections = 32
        public var maxConnectionsPerAddressSetting: Int?
        public var maxConnectionsPerAddress: Int { maxConnectionsPerAddressSetting ?? min(8, maxConnections) }
        /// Both listeners: a connection with no request in progress is closed after this long.
        public var idleTimeoutSeconds = 30
        /// Both listeners: larger request bodies are answered 413.
        public var maxBodyBytes = 65_536
    }

    /// One central server the punches are pushed to (ADMS/iclock), from `[uplink.<name>]`.
    public struct UplinkServer: Sendable, Hashable {
        /// The table name; keys the server's cursor in the store, so renaming it replays everything.
        public var name: String
        /// Base URL of the iclock endpoints, e.g. "http://10.0.0.5:8081/iclock/".
        public var url = ""
        /// Treat a handshake stamp of `None` as "replay everything" (old servers).
        public var legacy = false
        /// eSSL firmware style: append ".aspx" to every endpoint.
        public var aspx = false
        public var connectTimeoutMilliseconds = 10_000
        public var totalTimeoutMilliseconds = 30_000
        public var caFile: String?
        public var clientCertificate: String?
        public var clientKey: String?
        public var pinnedPublicKey: String?
        /// nil = libcurl's environment (http_proxy, https_proxy, no_proxy).
        public var proxy: String?
        public var maxBatch = 500
        /// A single punch answered 200 without OK this many times is quarantined.
        public var quarantineAfter = 5

        public init(name: String) {
            self.name = name
        }
    }

    public struct Clock: Sendable {
        /// "ntp": the kiosk trusts NTP and only reports drift. "server": the uplink's Date header
        /// may set the clock (drift > 10 s, round trip < 5 s). Stored punches are never rewritten.
        public var authority = "ntp"
        /// Demo and test only: local wall time the kiosk clock starts at ("2026-11-23 06:55").
        public var simulatedStart: String?
        /// Demo and test only: how many simulated seconds pass per real second.
        public var simulatedRate = 1.0
        /// Test and container only: read the sync state from this file ("unsynced", "synced",
        /// "synced <offset_ms>") instead of the kernel's NTP state. See ``FileClockSyncSource``.
        public var syncStateFile: String?
    }

    /// The journal's tamper evidence (`[journal]`).
    public struct Journal: Sendable {
        /// Punches between signed checkpoints; one is also written at shutdown.
        public var checkpointEvery = 100
    }

    /// Free-space alarms for the state directory's disk (`[storage]`). Nothing is ever deleted to
    /// make room: a full disk refuses punches (decision 0012).
    public struct Storage: Sendable {
        /// Below this many MB free: warning (log, status, kiosk event). 0 = off.
        public var warnFreeMegabytes = 500
        /// Below this many MB free: critical. 0 = off.
        public var criticalFreeMegabytes = 50
        /// How often free space is checked.
        public var checkEverySeconds = 60

        public var thresholds: StorageThresholds {
            StorageThresholds(warnFreeMegabytes: warnFreeMegabytes, criticalFreeMegabytes: criticalFreeMegabytes)
        }
    }

    /// The ZK pull server on port 4370 (`[pull]`), for pyzk-based servers and tools.
    public struct Pull: Sendable {
        public var enabled = true
        public var host = "0.0.0.0"
        /// 0 picks a free port (tests); the bound port shows in status.
        public var port = 4370
        public var tcp = true
        public var udp = true
        /// 0 = no comm key.
        public var commKey: UInt32 = 0
        /// Answer USER_WRQ, DELETE_*, CLEAR_* and RESTART with ACK_ERROR.
        public var readOnly = false
        /// CIDRs allowed to connect; empty = everyone on the network.
        public var allow: [String] = []
        public var maxSessions = 16
        /// Sessions (TCP and UDP) one client address may hold (nil: 4, or all if fewer).
        public var maxSessionsPerAddressSetting: Int?
        public var maxSessionsPerAddress: Int { maxSessionsPerAddressSetting ?? min(4, maxSessions) }
        /// TCP connections at once (with or without a session), and from one address (nil: 16, or all if fewer).
        public var maxConnections = 64
        public var maxConnectionsPerAddressSetting: Int?
        public var maxConnectionsPerAddress: Int { maxConnectionsPerAddressSetting ?? min(16, maxConnections) }
        /// A TCP connection that sends no complete packet within this long is closed.
        public var firstRequestTimeoutSeconds = 10
        public var requestsPerSecond = 200.0
        public var idleTimeoutSeconds = 120
        /// SET_TIME from pull clients: "refuse-when-synced" (default), "apply" or "refuse".
        public var setTime = "refuse-when-synced"
        public var deviceName = "Hadir"
        /// `_TFT` makes pyzk use the 72-byte user and 40-byte attendance formats.
        public var platform = "ZMM220_TFT"
        /// Reported as MAC; empty = the first non-loopback interface's address.
        public var macAddress = ""
    }

    public struct Output: Sendable {
        /// One JSON line per feedback event on stdout (for supervisors, the demo and tests).
        public var feedbackLines = true
        public var logLevel: Logger.Level = .info
    }

    public var device = Device()
    /// The first scanner, `[scanner]`.
    public var scanner = Scanner()
    /// More scanners of a mixed kiosk, `[scanner.<name>]`, in name order.
    public var extraScanners: [Scanner] = []
    public var policy = Policy()
    public var control = Control()
    public var clock = Clock()
    public var journal = Journal()
    public var storage = Storage()
    public var output = Output()
    /// The monthly report's working week, holidays and signature block (`[report]`).
    public var report = ReportSettings()
    public var voice = Voice()
    public var admin = Admin()
    public var kiosk = Kiosk()
    public var uplinks: [UplinkServer] = []
    public var pull = Pull()

    public init() {}

    /// Every scanner the daemon drives, the first one first.
    public var scanners: [Scanner] { [scanner] + extraScanners }

    /// The control socket path actually used.
    public var controlSocketPath: String {
        if let path = control.socketPath, !path.isEmpty { return path }
        return device.stateDirectory + "/control.sock"
    }

    /// The database file inside the state directory.
    public var databasePath: String { device.stateDirectory + "/hadir.sqlite" }
    /// The device's journal-signing key (PKCS#8 PEM, mode 0600) and its public half.
    public var signingKeyPath: String { device.stateDirectory + "/journal-signing.key" }
    public var publicKeyPath: String { device.stateDirectory + "/journal-signing.pub" }
    /// The AES-256 keys that seal fingerprint templates in the database (mode 0600).
    public var templateKeyPath: String { device.stateDirectory + "/template.keys" }
}
