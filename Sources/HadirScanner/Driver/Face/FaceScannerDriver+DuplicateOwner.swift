extension FaceScannerDriver {
    /// The user id of the enrollment that made the module refuse a face as a duplicate (0x0A).
    ///
    /// Firmwares differ in what follows the result: a big-endian user id is trusted only when
    /// GET_ALL_USERID lists it. Otherwise one short VERIFY asks the module whose face it is, while
    /// the person is still in front of the camera. No owner found throws
    /// `.faceModule(.faceAlreadyEnrolled)`: the refusal stands, unnamed.
    func ownerOfRefusedFace(_ refusal: EFAAReply) throws(ScannerError) -> UInt16 {
        if case .raw(let fields) = refusal.payload, fields.count >= 2 {
            let claimed = UInt16(fields[0]) << 8 | UInt16(fields[1])
            if try enrolledUserIDs().contains(claimed) { return claimed }
        }
        let reply = try verify(timeoutSeconds: configuration.ownerLookupTimeoutSeconds)
        guard reply.result == .success else { throw .faceModule(.faceAlreadyEnrolled) }
        return try Self.verifiedUser(reply).userID
    }
}
