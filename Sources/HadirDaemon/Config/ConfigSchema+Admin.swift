import HadirCore

extension ConfigSchema {
    /// Keys of `[admin]`: the technician page's PIN, session timeout and lockout.
    static let adminKeys: [String: Apply] = [
        "pin_hash": { config, _, value throws(ConfigValueError) in
            let text = try value.string()
            guard !text.isEmpty else {
                config.admin.pinHash = nil
                return
            }
            do throws(AdminPINHashError) {
                config.admin.pinHash = try AdminPINHash(parsing: text)
            } catch {
                throw .invalid(error.description)
            }
        },
        "session_timeout_s": { config, _, value throws(ConfigValueError) in
            config.admin.sessionTimeoutSeconds = try value.int(in: 60...86_400)
        },
        "max_failed_attempts": { config, _, value throws(ConfigValueError) in
            config.admin.maxFailedAttempts = try value.int(in: 1...100)
        },
        "lockout_s": { config, _, value throws(ConfigValueError) in config.admin.lockoutSeconds = try value.int(in: 1...86_400) },
    ]
}
