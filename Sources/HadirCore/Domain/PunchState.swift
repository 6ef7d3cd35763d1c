/// The attendance state of a punch, with the codes ZK and ADMS servers expect.
public enum PunchState: UInt8, Sendable, Codable, CaseIterable {
    case checkIn = 0
    case checkOut = 1
    case breakOut = 2
    case breakIn = 3
    case overtimeIn = 4
    case overtimeOut = 5
    case undefined = 255
}
