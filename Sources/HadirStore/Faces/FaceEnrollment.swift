import HadirCore

/// An employee's one enrolled face: the face module's user id.
public struct FaceEnrollment: Hashable, Sendable {
    public var pin: EmployeePIN
    public var faceID: UInt16

    public init(pin: EmployeePIN, faceID: UInt16) {
        self.pin = pin
        self.faceID = faceID
    }
}

/// What ``HadirDatabase/assignFace(pin:faceID:replace:actor:)`` did.
public struct FaceAssignment: Hashable, Sendable {
    public var pin: EmployeePIN
    public var faceID: UInt16
    /// The employee's previous face id, now pending deletion from the module.
    public var replacedFaceID: UInt16?
}
