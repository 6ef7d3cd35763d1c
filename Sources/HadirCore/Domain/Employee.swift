/// A person who punches at the kiosk.
public struct Employee: Hashable, Sendable, Codable {
    public var pin: EmployeePIN
    public var name: String

    public init(pin: EmployeePIN, name: String) {
        self.pin = pin
        self.name = name
    }
}
