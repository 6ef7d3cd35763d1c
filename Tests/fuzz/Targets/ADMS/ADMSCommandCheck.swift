import HadirFuzzSupport
import HadirUplink

/// The getrequest parser: no line dropped without a diagnostic, work bounded, and every command
/// answerable: a safe CmdID, a `CMD=` token, and a one-line result that echoes both.
enum ADMSCommandCheck {
    static func check(_ body: [UInt8]) {
        let reply = ADMSGetRequestReply.parse(body)
        fuzzCheck(reply.commands.count <= ADMSGetRequestReply.maximumCommands, "\(reply.commands.count) commands")
        fuzzCheck(reply.diagnostics.count <= ADMSGetRequestReply.maximumDiagnostics + 1, "\(reply.diagnostics.count) diagnostics")
        fuzzCheck(reply.diagnostics.allSatisfy { ADMSLines.isSingleLine($0.excerpt) }, "a diagnostic excerpt spans lines")
        for command in reply.commands { checkCommand(command) }
        // Each non-empty line that is not OK is a command or a line diagnostic (unless limits cut in).
        let lines = ADMSLines.lines(body).filter { !ADMSLines.isOK($0) }
        let lineDiagnostics = reply.diagnostics.filter { $0.line > 0 }.count
        if reply.diagnostics.allSatisfy({ $0.line > 0 }), body.count <= ADMSGetRequestReply.maximumBodyBytes {
            fuzzCheck(
                lines.count == reply.commands.count + lineDiagnostics,
                "\(lines.count) lines but \(reply.commands.count) commands and \(lineDiagnostics) diagnostics")
        }
    }

    static func checkCommand(_ command: ADMSReceivedCommand) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".unicodeScalars)
        fuzzCheck(
            (1...ADMSGetRequestReply.maximumCommandIDLength).contains(command.id.unicodeScalars.count)
                && command.id.unicodeScalars.allSatisfy(allowed.contains), "CmdID \(command.id.debugDescription)")
        fuzzCheck(
            !command.cmdToken.isEmpty && !command.cmdToken.contains("&") && ADMSLines.isSingleLine(command.cmdToken),
            "CMD token \(command.cmdToken.debugDescription)")
        fuzzCheck(
            ADMSLines.isSingleLine(command.text) && command.text.utf8.count <= 3 * 256 + 3, "command text \(command.text.debugDescription)")
        if case .success(let parsed) = command.result {
            fuzzCheck(parsed.cmdToken == command.cmdToken, "token \(parsed.cmdToken) of a parsed \(command.cmdToken) command")
        }
        let result = command.immediateResult ?? ADMSCommandResult(id: command.id, returnCode: .success, cmdToken: command.cmdToken)
        let encoded = result.encoded
        fuzzCheck(
            ADMSLines.isSingleLine(encoded) && encoded.hasPrefix("ID=\(command.id)&Return="),
            "result line \(encoded.debugDescription)")
        // The same text parsed alone gives the same token (the reply parser and the single-command
        // entry agree).
        if command.text.utf8.count < 256, !command.text.contains("?"), !command.text.contains("\u{FFFD}") {
            let alone = ADMSCommand.parse(id: command.id, text: command.text)
            let token = (try? alone.get())?.cmdToken ?? (alone.failureError?.cmdToken ?? "")
            fuzzCheck(token == command.cmdToken, "token \(token) alone, \(command.cmdToken) in a reply")
        }
    }
}

extension Result {
    fileprivate var failureError: Failure? {
        guard case .failure(let error) = self else { return nil }
        return error
    }
}
