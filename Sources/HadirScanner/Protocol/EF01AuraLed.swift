/// A setting of the R503's ring LED: the four parameters of AuraLedConfig (instruction 0x35).
///
/// Bytes as in the Grow R503 manual v1.2.2: control, speed, colour index, count. The module acks
/// with 00 and no data; modules without the ring answer an error code (or stay silent).
public struct EF01AuraLed: Hashable, Sendable {
    /// The light effect (parameter byte 1).
    public enum Control: UInt8, CaseIterable, Sendable {
        case breathing = 1
        case flashing = 2
        case on = 3
        case off = 4
        case fadeOn = 5
        case fadeOff = 6
    }

    /// The colour index (parameter byte 3).
    public enum Colour: UInt8, CaseIterable, Sendable {
        case red = 1
        case blue = 2
        case purple = 3
        case green = 4
        case yellow = 5
        case cyan = 6
        case white = 7
    }

    public var control: Control
    /// Effect speed for breathing, flashing and fading (0x00…0xFF); ignored by on and off.
    public var speed: UInt8
    public var colour: Colour
    /// Breaths or flashes before the effect stops; 0 = until the next setting.
    public var cycles: UInt8

    public init(control: Control, speed: UInt8, colour: Colour, cycles: UInt8) {
        self.control = control
        self.speed = speed
        self.colour = colour
        self.cycles = cycles
    }

    /// The command that applies this setting.
    public var command: EF01Command {
        .auraLed(control: control.rawValue, speed: speed, colour: colour.rawValue, cycles: cycles)
    }

    /// The setting an AuraLedConfig command carries; nil for another command or a control or colour
    /// byte outside the manual's table.
    public init?(command: EF01Command) {
        guard case .auraLed(let control, let speed, let colour, let cycles) = command,
            let control = Control(rawValue: control), let colour = Colour(rawValue: colour)
        else { return nil }
        self.init(control: control, speed: speed, colour: colour, cycles: cycles)
    }
}
