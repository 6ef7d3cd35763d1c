extension EFAACommandID {
    /// The reference's name for the command, for `.timeout(operation:)` and logs.
    var operationName: String {
        switch self {
        case .reset: "RESET"
        case .getStatus: "GET_STATUS"
        case .verify: "VERIFY"
        case .enroll: "ENROLL"
        case .enrollSingle: "ENROLL_SINGLE"
        case .deleteUser: "DELETE_USER"
        case .deleteAll: "DELETE_ALL"
        case .getUserInfo: "GET_USER_INFO"
        case .getAllUserIDs: "GET_ALL_USERID"
        case .enrollIntegrated: "ENROLL_ITG"
        case .getVersion: "GET_VERSION"
        case .getSerialNumber: "GET_SN"
        }
    }
}
