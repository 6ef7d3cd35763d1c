extension FaceModuleEmulator {
    /// Armed faults as a JSON object of kind → remaining count.
    var faultsJSON: JSONValue {
        .object(FaceFault.allCases.compactMap { fault in armedFaults[fault].flatMap { $0 > 0 ? (fault.rawValue, .int($0)) : nil } })
    }

    /// The module-side part of `status`; `camera` is what the control channel put in view.
    func statusMembers(camera: CameraView) -> [(String, JSONValue)] {
        [
            ("kind", .string(SimulatedModuleKind.face.rawValue)),
            ("busy", .bool(isBusy)),
            ("users", .int(users.count)),
            ("commands", .int(commandsServed)),
            ("capacity", .int(configuration.capacity)),
            ("camera", camera.json),
            ("faults", faultsJSON),
            ("framesDropped", .int(framesDropped)),
        ]
    }

    /// The `library` reply: every enrolled user with the virtual face it holds.
    var libraryJSON: JSONValue {
        let entries: [JSONValue] = users.sortedIDs.compactMap { users.users[$0] }.map { user in
            .object([
                ("user_id", .int(Int(user.userID))), ("name", .string(user.name)), ("face", .int(user.face)),
                ("admin", .bool(user.admin)),
            ])
        }
        return .object([("count", .int(entries.count)), ("capacity", .int(configuration.capacity)), ("users", .array(entries))])
    }
}

extension CameraView {
    /// The scene as JSON, e.g. `{"state":"looking","face":3,"remaining":1}`.
    public var json: JSONValue {
        switch state {
        case .empty:
            return .object([("state", .string("empty"))])
        case .shown(let face):
            return .object([("state", .string("shown")), ("face", .int(face))])
        case .looking(let face, let remaining):
            return .object([("state", .string("looking")), ("face", .int(face)), ("remaining", .int(remaining))])
        }
    }
}
