import HadirCore

@testable import HadirUplink

/// Builders and readers shared by the uplink state-machine tests.
enum UplinkFixtures {
    /// 2025-01-01T00:00:00Z: a fixed UTC origin (07:00 WIB).
    static let t0: Int64 = 1_735_689_600_000
    static let second: Int64 = 1000
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    typealias Session = UplinkSession<SplitMix64>

    static func session(
        _ configuration: UplinkConfiguration = UplinkConfiguration(), ackedSeq: Int64 = 0, lastSeq: Int64 = 0,
        retainedFromSeq: Int64 = 1, seed: UInt64 = 1
    ) -> Session {
        UplinkSession(
            configuration: configuration, ackedSeq: ackedSeq, lastSeq: lastSeq, retainedFromSeq: retainedFromSeq,
            generator: SplitMix64(seed: seed))
    }

    /// Server options with the protocol defaults changed by `edit`.
    static func options(_ edit: (inout ADMSServerOptions) -> Void = { _ in }) -> ADMSServerOptions {
        var options = ADMSServerOptions()
        edit(&options)
        return options
    }

    /// Starts `session` and answers its handshake with `options`; returns the actions after the reply.
    @discardableResult
    static func connect(_ session: inout Session, options: ADMSServerOptions = options(), now: Int64 = t0) -> [UplinkAction] {
        _ = session.start(now: now)
        return session.handshakeReplied(options: options, now: now)
    }

    /// Answers polls (no commands) until the session asks for something else.
    static func answerPolls(_ session: inout Session, _ actions: [UplinkAction], now: Int64) -> [UplinkAction] {
        var actions = actions
        while actions.pollInfo != nil {
            actions = session.pollReplied(commandsPresent: false, now: now)
        }
        return actions
    }
}

extension Array where Element == UplinkAction {
    /// The batch an `uploadBatch` action asks for, if any.
    var batch: UplinkBatch? {
        for case .uploadBatch(let batch) in self { return batch }
        return nil
    }

    /// The instant of a `wait` action, if any.
    var waitUntil: Int64? {
        for case .wait(let until) in self { return until }
        return nil
    }

    /// The last cursor the actions persist, if any.
    var cursor: Int64? {
        var last: Int64?
        for case .setCursor(let seq) in self { last = seq }
        return last
    }

    /// `includeInfo` of a `poll` action, or nil when there is no poll.
    var pollInfo: Bool? {
        for case .poll(let info) in self { return info }
        return nil
    }

    var sendsHandshake: Bool { contains(.sendHandshake) }

    /// Request-starting actions.
    var requests: [UplinkAction] {
        filter {
            switch $0 {
            case .sendHandshake, .uploadOptions, .uploadBatch, .poll: return true
            case .setCursor, .wait, .quarantine, .alert: return false
            }
        }
    }
}
