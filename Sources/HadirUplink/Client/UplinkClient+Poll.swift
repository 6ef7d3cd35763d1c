import HadirCore
import HadirHTTPClient
import HadirStore

extension UplinkClient {
    /// getrequest: fetch commands, execute each once (a repeated CmdID gets its stored result),
    /// report the results through devicecmd, then perform what they asked for.
    func poll(includeInfo: Bool, _ session: inout UplinkSession<SystemRandomNumberGenerator>) async -> [UplinkAction] {
        // Results a crash or a failed report kept from the server go first.
        if await reportPendingResults() { await restartIfOwed() }
        let heartbeat = includeInfo ? infoHeartbeat() : nil
        let response: HTTPResponse
        switch await exchange(.get(endpoints.getRequest(info: heartbeat))) {
        case .failure(let error):
            recordFailure("poll: \(error)")
            return session.pollFailed(kind: .transport, retryAfter: nil, now: clock())
        case .success(let reply):
            response = reply
        }
        guard response.status == 200 else {
            let now = clock()
            recordFailure("poll: HTTP \(response.status)")
            return session.pollFailed(
                kind: .httpStatus(response.status), retryAfter: HTTPDate.retryAfter(response.value(for: "Retry-After"), now: now), now: now)
        }
        let reply = ADMSGetRequestReply.parse(response.body)
        for diagnostic in reply.diagnostics {
            logger.warning(
                "unusable command line from server", metadata: ["line": "\(diagnostic.line)", "problem": "\(diagnostic.problem)"])
        }
        var followUps: [UplinkFollowUp] = []
        var repeated: [String] = []
        for command in reply.commands {
            if let stored = try? database.processedCommand(server: server, commandID: command.id) {
                // A re-sent CmdID gets the stored result again, never a second execution.
                logger.info("server repeated a command; answering with the stored result", metadata: ["cmd_id": "\(command.id)"])
                if stored.reportedMilliseconds != nil { repeated.append(stored.result) }
                continue
            }
            if let followUp = await handle(command, ackedSeq: session.ackedSeq) { followUps.append(followUp) }
        }
        for followUp in followUps {
            switch followUp {
            case .rehandshake, .reloadOptions: _ = session.checkRequested(now: clock())
            case .uploadNow: _ = session.logRequested(now: clock())
            // Owed until the result is reported, on this poll or a later one: a failed devicecmd must
            // not turn the REBOOT into a no-op that the server believes was done.
            case .restart: signals.withLock { $0.restartOwed = true }
            case .resendAttendance, .uploadOperationLog: break  // done before the result was recorded
            }
        }
        let reported = await reportPendingResults()
        // One request each: a repeated INFO result's extra lines must end its body.
        for result in repeated { _ = await sendResults([result]) }
        let actions = session.pollReplied(commandsPresent: !reply.commands.isEmpty, now: clock())
        if reported { await restartIfOwed() }
        return actions
    }

    /// Restarts the kiosk for a REBOOT once no result is left unreported (the server has its answer).
    func restartIfOwed() async {
        guard signals.withLock({ $0.restartOwed }) else { return }
        guard let pending = try? database.unreportedCommandResults(server: server), pending.isEmpty else { return }
        signals.withLock { $0.restartOwed = false }
        logger.notice("REBOOT from server: result reported, restarting")
        await kiosk.restart()
    }

    /// Runs a command seen for the first time, records its result, and returns what is left to do.
    /// `ackedSeq` is this server's cursor, for the Stamp of a DATA QUERY re-upload.
    private func handle(_ command: ADMSReceivedCommand, ackedSeq: Int64) async -> UplinkFollowUp? {
        let outcome = await executor.execute(command)
        var followUp = outcome.followUp
        var result = outcome.result
        switch followUp {
        case .resendAttendance(let range):
            if await !resendAttendance(range, ackedSeq: ackedSeq) { result.returnCode = .readWriteError }
            followUp = nil
        case .uploadOperationLog(let lines):
            if await !uploadOperationLog(lines) { result.returnCode = .readWriteError }
            followUp = nil
        default:
            break
        }
        persist {
            try database.recordCommandResult(
                server: server, commandID: command.id, command: command.text, returnCode: result.returnCode.rawValue,
                result: result.encoded, atMilliseconds: clock())
        }
        logger.info(
            "server command executed",
            metadata: ["cmd_id": "\(command.id)", "cmd": "\(result.cmdToken)", "return": "\(result.returnCode.rawValue)"])
        return followUp
    }

    /// Sends every unreported result; INFO results go alone (their extra lines end the body).
    func reportPendingResults() async -> Bool {
        guard let pending = try? database.unreportedCommandResults(server: server), !pending.isEmpty else { return true }
        var groups: [[ProcessedCommand]] = [[]]
        for result in pending {
            if result.result.contains("\n") {
                groups.append([result])
                groups.append([])
            } else {
                groups[groups.count - 1].append(result)
            }
        }
        for group in groups where !group.isEmpty {
            guard await sendResults(group.map(\.result)) else { return false }
            persist { try database.markCommandResultsReported(server: server, commandIDs: group.map(\.commandID), atMilliseconds: clock()) }
        }
        return true
    }

    /// Posts result lines to devicecmd; true when the server answered OK.
    func sendResults(_ results: [String]) async -> Bool {
        let body = results.joined(separator: "\n")
        guard case .success(let response) = await exchange(.post(endpoints.deviceCommand(), body: Array(body.utf8))) else { return false }
        return ADMSUploadReply(statusCode: response.status, body: response.body).isAccepted
    }

    /// DATA QUERY ATTLOG: the range's punches again through cdata, in seq-ordered chunks.
    ///
    /// Each chunk's Stamp is at least the cursor, not the chunk's own last seq: servers echo the last
    /// Stamp they received at the next handshake, and an old seq there reads as "the server lost
    /// everything after it" (reference §1.1), which would resend the whole journal from that point.
    private func resendAttendance(_ range: ADMSTimeRange, ackedSeq: Int64) async -> Bool {
        let (from, to) = executor.utcBounds(range)
        guard let punches = try? database.punches(pin: nil, fromUTC: from, toUTC: to, limit: nil) else { return false }
        var start = punches.startIndex
        while start < punches.endIndex {
            let end = min(start + settings.resendChunk, punches.endIndex)
            guard
                let batch = try? ATTLOGEncoder.batch(
                    punches[start..<end], zoneOffsetSeconds: settings.zoneOffsetSeconds,
                    originals: correctedOriginals(of: punches[start..<end])),
                case .success(let response) = await exchange(
                    .post(
                        endpoints.upload(table: .attendanceLog, stamp: min(max(batch.stamp, ackedSeq), Int64(Int32.max))),
                        body: batch.bodyBytes)),
                ADMSUploadReply(statusCode: response.status, body: response.body).isAccepted
            else { return false }
            start = end
        }
        return true
    }

    private func uploadOperationLog(_ lines: [String]) async -> Bool {
        guard !lines.isEmpty else { return true }
        let stamp = max(1, clock() / 1000 % Int64(Int32.max))
        guard
            case .success(let response) = await exchange(
                .post(endpoints.upload(table: .operationLog, stamp: stamp), body: Array(OPERLOGEncoder.body(lines).utf8)))
        else { return false }
        return ADMSUploadReply(statusCode: response.status, body: response.body).isAccepted
    }

    /// True counts for the INFO heartbeat: servers reconcile "device count - server count".
    func infoHeartbeat() -> ADMSInfoHeartbeat? {
        guard let users = try? database.users().count, let fingers = try? database.fingerSlots().count,
            let punches = try? database.punchCount(), let cleared = try? database.logClearedThroughSeq()
        else { return nil }
        return ADMSInfoHeartbeat(
            firmwareVersion: kiosk.firmwareVersion, userCount: users, fingerprintCount: fingers,
            attendanceCount: max(0, punches - Int(cleared)),
            ipAddress: "", fingerprintAlgorithmVersion: "10")
    }
}
