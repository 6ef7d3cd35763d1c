/// What a technician or the system did to users and fingers, as written in `audit_log.action`.
public struct AuditAction: StoredTag {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// An employee was added.
    public static let userAdd = AuditAction(rawValue: "user-add")
    /// An employee's details changed.
    public static let userUpdate = AuditAction(rawValue: "user-update")
    /// An employee was removed (their slot became an orphan).
    public static let userRemove = AuditAction(rawValue: "user-remove")
    /// A first finger was enrolled.
    public static let enroll = AuditAction(rawValue: "enroll")
    /// The employee's finger was replaced.
    public static let reEnroll = AuditAction(rawValue: "re-enroll")
    /// An enrollment was refused (the detail says why).
    public static let enrollRefused = AuditAction(rawValue: "enroll-refused")
    /// The employee's finger was deleted (its slot became an orphan).
    public static let deleteFinger = AuditAction(rawValue: "delete-finger")
    /// An orphan slot was deleted from the module.
    public static let orphanCleared = AuditAction(rawValue: "orphan-cleared")
    /// A first face was enrolled (`slot` holds the face module's user id).
    public static let enrollFace = AuditAction(rawValue: "enroll-face")
    /// The employee's face was replaced.
    public static let reEnrollFace = AuditAction(rawValue: "re-enroll-face")
    /// The employee's face was deleted (its id became an orphan).
    public static let deleteFace = AuditAction(rawValue: "delete-face")
    /// An orphan face id was deleted from the face module.
    public static let orphanFaceCleared = AuditAction(rawValue: "orphan-face-cleared")
    /// The template key was rotated and stored templates re-sealed with the new one.
    public static let templateKeyRotated = AuditAction(rawValue: "template-key-rotated")
    /// The database failed its check at start and was moved aside; the first line of the fresh
    /// database (detail: the quarantined file, its size and SQLite's complaint).
    public static let databaseQuarantined = AuditAction(rawValue: "database-quarantined")
    /// `hadirctl recover` copied readable rows of a quarantined database (detail: the counts).
    public static let recover = AuditAction(rawValue: "recover")
    /// A technician logged in to the admin page (detail: the client address).
    public static let adminLogin = AuditAction(rawValue: "admin-login")
    /// A wrong admin PIN (detail: the client address and the tries left).
    public static let adminLoginFailed = AuditAction(rawValue: "admin-login-failed")
    /// Too many wrong admin PINs: logins are refused for a while (detail: address, scope, seconds).
    public static let adminLockout = AuditAction(rawValue: "admin-lockout")
    /// A technician logged out of the admin page.
    public static let adminLogout = AuditAction(rawValue: "admin-logout")
    /// `hadirctl export-usb` wrote a month to a USB stick (detail: the month and files).
    public static let usbExport = AuditAction(rawValue: "usb-export")
    /// `hadirctl export-usb` failed (detail: the month and the reason).
    public static let usbExportFailed = AuditAction(rawValue: "usb-export-failed")
}
