extension EF01ModuleEmulator {
    /// The sensor state as JSON, e.g. `{"state":"pressing","finger":17,"remaining":2,"lifted":false}`.
    public var sensorJSON: JSONValue {
        switch sensor.state {
        case .empty:
            return .object([("state", .string("empty"))])
        case .placed(let finger):
            return .object([("state", .string("placed")), ("finger", .int(finger.id))])
        case .pressing(let finger, let remaining, let lifted):
            return .object([
                ("state", .string("pressing")), ("finger", .int(finger.id)),
                ("remaining", .int(remaining)), ("lifted", .bool(lifted)),
            ])
        }
    }

    /// Armed faults as a JSON object of kind → remaining count.
    public var faultsJSON: JSONValue {
        .object(FaultKind.allCases.compactMap { kind in faults.remaining[kind].map { (kind.rawValue, .int($0)) } })
    }

    /// The module-side part of `status`.
    public var moduleStatusMembers: [(String, JSONValue)] {
        [
            ("sensor", sensorJSON),
            ("library", .int(library.count(below: capacity))),
            ("capacity", .int(capacity)),
            ("faults", faultsJSON),
            ("commandsServed", .int(commandsServed)),
            ("address", .string(hexAddress(address))),
            ("passwordVerified", .bool(passwordVerified)),
            ("packetSize", .int(packetSize)),
            ("templateSize", .int(configuration.templateSize)),
            ("securityLevel", .int(Int(securityLevel))),
            ("baudRate", .int(9600 * Int(baudMultiplier))),
            ("awaitingFinger", .bool(isAwaitingFinger)),
            (
                "led",
                led.map { .object([("control", .string($0.controlName)), ("colour", .string($0.colourName))]) } ?? .null
            ),
        ]
    }

    /// The `library` reply: every slot below the capacity, with the virtual finger it holds
    /// (null for a template that is no virtual finger's).
    public var libraryJSON: JSONValue {
        let slots: [JSONValue] = library.occupiedSlots(below: capacity).map { slot in
            let template = library[slot] ?? []
            let finger = VirtualFinger.identify(template: template)
            return .object([
                ("slot", .int(slot)), ("finger", finger.map { .int($0.id) } ?? .null), ("size", .int(template.count)),
            ])
        }
        return .object([("count", .int(slots.count)), ("capacity", .int(capacity)), ("slots", .array(slots))])
    }
}
