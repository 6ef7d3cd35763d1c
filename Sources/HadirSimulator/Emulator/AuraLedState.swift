/// The last AuraLedConfig the host sent to the (R503) ring LED.
public struct AuraLedState: Hashable, Sendable {
    /// 1 breathe, 2 flash, 3 on, 4 off, 5 fade on, 6 fade off.
    public var control: UInt8
    /// Effect speed.
    public var speed: UInt8
    /// 1 red, 2 blue, 3 purple, 4 green, 5 yellow, 6 cyan, 7 white.
    public var colour: UInt8
    /// Repetitions (0 = forever).
    public var cycles: UInt8

    /// Creates a state from the four command bytes.
    public init(control: UInt8, speed: UInt8, colour: UInt8, cycles: UInt8) {
        self.control = control
        self.speed = speed
        self.colour = colour
        self.cycles = cycles
    }

    /// Human-readable control, e.g. "breathe".
    public var controlName: String {
        let names = ["breathe", "flash", "on", "off", "fade-on", "fade-off"]
        return (1...6).contains(control) ? names[Int(control) - 1] : "control-\(control)"
    }

    /// Human-readable colour, e.g. "blue".
    public var colourName: String {
        let names = ["red", "blue", "purple", "green", "yellow", "cyan", "white"]
        return (1...7).contains(colour) ? names[Int(colour) - 1] : "colour-\(colour)"
    }
}
