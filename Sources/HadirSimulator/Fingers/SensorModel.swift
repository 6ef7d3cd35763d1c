/// What is on the simulated sensor glass, as seen by successive image captures.
///
/// Three ways to put a finger there:
/// - ``place(_:)``: the finger stays until ``lift()``; every capture sees it.
/// - ``press(_:times:)``: the finger is there for exactly one successful capture, then gone
///   for at least the next capture (the host sees the lift), then back, `times` presses in
///   total. Enrollment scripts use `press 17 2`; a punch is a single press (a tap).
/// - nothing: captures report "no finger".
public struct SensorModel: Hashable, Sendable {
    /// The observable state of the glass.
    public enum State: Hashable, Sendable {
        /// No finger.
        case empty
        /// A finger resting on the glass until lifted.
        case placed(VirtualFinger)
        /// A series of presses: `remaining` captures still to give, and whether the finger
        /// is currently up between two presses.
        case pressing(VirtualFinger, remaining: Int, lifted: Bool)
    }

    /// The current state.
    public private(set) var state: State = .empty

    /// Creates an empty sensor.
    public init() {}

    /// Rests `finger` on the glass until ``lift()``, cancelling any pending presses.
    public mutating func place(_ finger: VirtualFinger) {
        state = .placed(finger)
    }

    /// Removes any finger and cancels pending presses.
    public mutating func lift() {
        state = .empty
    }

    /// Schedules `times` presses of `finger` (times ≥ 1), replacing whatever was there.
    public mutating func press(_ finger: VirtualFinger, times: Int = 1) {
        state = times >= 1 ? .pressing(finger, remaining: times, lifted: false) : .empty
    }

    /// Whether presses are still waiting to be captured (scripts wait for this to clear).
    public var hasPendingPresses: Bool {
        if case .pressing = state { return true }
        return false
    }

    /// Whether a finger is touching the glass right now, without consuming anything.
    public var fingerPresent: Bool {
        switch state {
        case .empty: return false
        case .placed: return true
        case .pressing(_, _, let lifted): return !lifted
        }
    }

    /// Takes one image, as GenImg does: returns the finger seen, or nil for "no finger".
    ///
    /// A press is consumed by the capture that sees it; the capture after it sees the lift.
    public mutating func capture() -> VirtualFinger? {
        switch state {
        case .empty:
            return nil
        case .placed(let finger):
            return finger
        case .pressing(let finger, let remaining, let lifted):
            if lifted {
                state = .pressing(finger, remaining: remaining, lifted: false)
                return nil
            }
            state = remaining > 1 ? .pressing(finger, remaining: remaining - 1, lifted: true) : .empty
            return finger
        }
    }

    /// Observes the glass without taking an image, as R503 auto-commands do when they wait
    /// for a lift: an absent finger counts as the lift between two presses.
    public mutating func observeLift() -> Bool {
        switch state {
        case .empty:
            return true
        case .placed:
            return false
        case .pressing(let finger, let remaining, let lifted):
            if lifted { state = .pressing(finger, remaining: remaining, lifted: false) }
            return lifted
        }
    }
}
