/// An unsolicited NOTE (msg id 0x01).
public enum EFAANote: Hashable, Sendable {
    /// After power-on or reset. Unexpected, it means the module restarted mid-job.
    case ready
    /// While looking for a face.
    case faceState(EFAAFaceState)
    case unknownError
    /// Eye state: bytes kept raw (the daemon only logs them).
    case eyeState([UInt8])
    case other(id: UInt8, data: [UInt8])

    public init(data: [UInt8]) throws(EFAAFrameError) {
        guard let id = data.first else { throw .badLength(what: "NOTE", expected: 1, received: 0) }
        let rest = Array(data.dropFirst())
        switch id {
        case 0x00: self = .ready
        case 0x01: self = .faceState(try EFAAFaceState(data: rest))
        case 0x02: self = .unknownError
        case 0x04: self = .eyeState(rest)
        default: self = .other(id: id, data: rest)
        }
    }

    public var data: [UInt8] {
        switch self {
        case .ready: [0x00]
        case .faceState(let state): [0x01] + state.data
        case .unknownError: [0x02]
        case .eyeState(let bytes): [0x04] + bytes
        case .other(let id, let bytes): [id] + bytes
        }
    }
}

/// FACE_STATE: eight int16 fields, LITTLE-endian unlike everything else in EFAA.
public struct EFAAFaceState: Hashable, Sendable {
    /// 0 means a usable face; other values say what is wrong (none, too far, too close, ...).
    public var state: Int16
    public var left: Int16
    public var top: Int16
    public var right: Int16
    public var bottom: Int16
    public var yaw: Int16
    public var pitch: Int16
    public var roll: Int16

    public init(state: Int16, left: Int16, top: Int16, right: Int16, bottom: Int16, yaw: Int16, pitch: Int16, roll: Int16) {
        self.state = state
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
        self.yaw = yaw
        self.pitch = pitch
        self.roll = roll
    }

    static let length = 16

    init(data: [UInt8]) throws(EFAAFrameError) {
        guard data.count >= Self.length else {
            throw .badLength(what: "FACE_STATE note", expected: Self.length + 1, received: data.count + 1)
        }
        func field(_ index: Int) -> Int16 { Int16(bitPattern: UInt16(data[2 * index]) | UInt16(data[2 * index + 1]) << 8) }
        self.init(
            state: field(0), left: field(1), top: field(2), right: field(3), bottom: field(4), yaw: field(5), pitch: field(6),
            roll: field(7))
    }

    var data: [UInt8] {
        [state, left, top, right, bottom, yaw, pitch, roll].flatMap { value -> [UInt8] in
            let bits = UInt16(bitPattern: value)
            return [UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8)]
        }
    }
}
