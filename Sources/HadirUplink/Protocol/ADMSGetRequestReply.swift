/// A parsed getrequest reply (reference §3): `OK` for no commands, or lines `C:<CmdID>:<command>`.
///
/// The body comes from an untrusted server, so parsing never fails as a whole and never drops a line
/// silently. Every line with a usable CmdID becomes an ``ADMSReceivedCommand`` (parsed, or carrying
/// the error to answer with); every other line that is not `OK` becomes an ``ADMSCommandDiagnostic``.
/// Work is bounded by the limits below. Commands beyond them are not answered, so the server,
/// which keeps unanswered commands pending, sends them again on a later poll.
public struct ADMSGetRequestReply: Hashable, Sendable {
    /// Bodies beyond 1 MiB are read only up to the last complete line within it.
    public static let maximumBodyBytes = 1 << 20
    /// A longer line is answered -1006 (data too long) without being parsed.
    public static let maximumLineBytes = 64 * 1024
    /// Commands taken from one reply; the rest wait for the next poll.
    public static let maximumCommands = 256
    /// CmdIDs are at most 16 characters (reference §3).
    public static let maximumCommandIDLength = 16
    /// Diagnostics kept per reply; further problems are counted in one last diagnostic.
    public static let maximumDiagnostics = 32

    /// Commands in the order the server sent them. A repeated CmdID appears each time it was sent:
    /// deduplication against already-processed IDs is the session's job.
    public var commands: [ADMSReceivedCommand] = []
    public var diagnostics: [ADMSCommandDiagnostic] = []

    /// A reply with the given contents (for tests and replays; parsing goes through ``parse(_:)``).
    public init(commands: [ADMSReceivedCommand] = [], diagnostics: [ADMSCommandDiagnostic] = []) {
        self.commands = commands
        self.diagnostics = diagnostics
    }

    /// Parses a reply body given as raw bytes.
    public static func parse(_ body: some Collection<UInt8>) -> ADMSGetRequestReply {
        var reply = ADMSGetRequestReply()
        var bytes = ADMSBytes.droppingByteOrderMark(Array(body.prefix(maximumBodyBytes + 1))[...])
        var truncated = false
        if bytes.count > maximumBodyBytes {
            truncated = true
            bytes = bytes.prefix(maximumBodyBytes)
            // The cut line is incomplete: keep only whole lines.
            let lastBreak = bytes.lastIndex(where: { $0 == ADMSBytes.lineFeed || $0 == ADMSBytes.carriageReturn }) ?? bytes.startIndex
            bytes = bytes[..<lastBreak]
        }
        var problems = 0
        var skippedCommands = 0
        func report(_ line: Int, _ bytes: ArraySlice<UInt8>, _ problem: ADMSCommandDiagnostic.Problem) {
            problems += 1
            if problems <= maximumDiagnostics {
                reply.diagnostics.append(ADMSCommandDiagnostic(line: line, excerpt: ADMSBytes.excerpt(bytes), problem: problem))
            }
        }
        for (offset, rawLine) in ADMSBytes.lines(bytes).enumerated() {
            let line = ADMSBytes.trimmed(rawLine)
            let number = offset + 1
            if line.isEmpty || (line.count == 2 && ADMSBytes.upper(line) == "OK") { continue }
            switch split(line) {
            case .failure(let problem):
                report(number, line, problem)
            case .success(let (id, text)):
                guard reply.commands.count < maximumCommands else {
                    skippedCommands += 1
                    continue
                }
                reply.commands.append(ADMSReceivedCommand(id: id, text: text, lineByteCount: line.count))
            }
        }
        if skippedCommands > 0 { report(0, [], .tooManyCommands(skipped: skippedCommands)) }
        if truncated { report(0, [], .bodyTruncated) }
        if problems > maximumDiagnostics {
            reply.diagnostics.append(
                ADMSCommandDiagnostic(line: 0, excerpt: "", problem: .moreProblems(count: problems - maximumDiagnostics)))
        }
        return reply
    }

    /// Parses a reply body given as text.
    public static func parse(_ body: String) -> ADMSGetRequestReply { parse(Array(body.utf8)) }

    /// True when the reply carried at least one command.
    public var hasCommands: Bool { !commands.isEmpty }

    /// Splits `C:<id>:<text>` and validates the CmdID.
    static func split(_ line: ArraySlice<UInt8>) -> Result<(String, ArraySlice<UInt8>), ADMSCommandDiagnostic.Problem> {
        guard line.count >= 2, ADMSBytes.asciiUpper(line[line.startIndex]) == UInt8(ascii: "C"),
            line[line.startIndex + 1] == ADMSBytes.colon
        else { return .failure(.notACommandLine) }
        let rest = line.dropFirst(2)
        guard let colon = rest.firstIndex(of: ADMSBytes.colon) else { return .failure(.missingCommandSeparator) }
        let id = ADMSBytes.trimmed(rest[..<colon])
        guard !id.isEmpty else { return .failure(.emptyCommandID) }
        guard id.count <= maximumCommandIDLength else { return .failure(.commandIDTooLong) }
        guard
            id.allSatisfy({
                ADMSBytes.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            })
        else { return .failure(.invalidCommandID) }
        return .success((ADMSBytes.string(id), rest[(colon + 1)...]))
    }
}

/// One command line with a usable CmdID: the command, or the error to answer it with.
public struct ADMSReceivedCommand: Hashable, Sendable {
    /// The server's CmdID (letters, digits, `-`, `_`, `.`; at most 16).
    public var id: String
    /// The command text as received, shortened to 256 bytes with control characters (TAB included)
    /// shown as `?`: for logs and the processed-ID store, not for re-parsing.
    public var text: String
    public var result: Result<ADMSCommand, ADMSCommandError>
    /// `CMD=` for the result line, whether or not parsing succeeded.
    public var cmdToken: String

    /// A received command with every field given (for tests and for commands restored from storage).
    public init(id: String, text: String, result: Result<ADMSCommand, ADMSCommandError>, cmdToken: String) {
        self.id = id
        self.text = text
        self.result = result
        self.cmdToken = cmdToken
    }

    init(id: String, text: ArraySlice<UInt8>, lineByteCount: Int) {
        self.id = id
        self.text = ADMSBytes.excerpt(ADMSBytes.trimmed(text), limit: 256)
        if lineByteCount > ADMSGetRequestReply.maximumLineBytes {
            // Too long to parse; the command words at its start still name the token.
            let token = ADMSCommandParser.parse(text.prefix(64)).token
            result = .failure(ADMSCommandError(id: id, cmdToken: token, reason: .lineTooLong(byteCount: lineByteCount)))
            cmdToken = token
        } else {
            let outcome = ADMSCommandParser.parse(text)
            result = outcome.result.mapError { ADMSCommandError(id: id, cmdToken: outcome.token, reason: $0) }
            cmdToken = outcome.token
        }
    }

    /// The parsed command, or nil when its arguments were malformed.
    public var command: ADMSCommand? { try? result.get() }

    /// The result to send without executing anything: the error's code for a malformed command,
    /// -1002 for refused and unknown commands; nil when the command must be executed.
    public var immediateResult: ADMSCommandResult? {
        switch result {
        case .failure(let error): ADMSCommandResult(error: error)
        case .success(.refused), .success(.unknown): ADMSCommandResult(id: id, returnCode: .notSupported, cmdToken: cmdToken)
        case .success: nil
        }
    }
}

/// A getrequest line that could not be taken as a command, or a limit that was reached.
public struct ADMSCommandDiagnostic: Hashable, Sendable {
    /// What was wrong.
    public enum Problem: Error, Hashable, Sendable {
        /// The line does not start with `C:` (and is not `OK`).
        case notACommandLine
        /// `C:<id>` without the second `:`.
        case missingCommandSeparator
        case emptyCommandID
        /// Longer than ``ADMSGetRequestReply/maximumCommandIDLength``.
        case commandIDTooLong
        /// Characters that cannot be echoed safely in `ID=…&`.
        case invalidCommandID
        /// Commands past ``ADMSGetRequestReply/maximumCommands`` were left for the next poll.
        case tooManyCommands(skipped: Int)
        /// The body exceeded ``ADMSGetRequestReply/maximumBodyBytes``; the rest was not read.
        case bodyTruncated
        /// More problems than ``ADMSGetRequestReply/maximumDiagnostics`` occurred.
        case moreProblems(count: Int)
    }

    /// 1-based line number among the body's non-empty lines; 0 for whole-reply diagnostics.
    public var line: Int
    /// The line, shortened and with control characters replaced, for the log.
    public var excerpt: String
    public var problem: Problem

    /// A diagnostic for `line` (0 for the whole reply).
    public init(line: Int, excerpt: String, problem: Problem) {
        self.line = line
        self.excerpt = excerpt
        self.problem = problem
    }
}
