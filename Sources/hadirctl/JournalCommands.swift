import ArgumentParser
import Foundation
import HadirControl
import HadirCore
import HadirDaemon
import HadirStore

struct VerifyJournal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-journal",
        abstract: "Check the journal's hash chain and signed checkpoints; exit 1 at the first bad seq.",
        discussion: """
            An edited, deleted, reordered or inserted row breaks the chain at its seq. A rewrite with every \
            hash recomputed is caught by the first checkpoint it changed: the rows after the last matching \
            checkpoint are reported. Signatures are checked with <state>/journal-signing.pub, or --public-key.
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "The device's public key (PEM, from export-pubkey) instead of the one in the state directory.")
    var publicKey: String?

    func run() throws {
        let database = try openDatabase(options)
        let key = try loadPublicKey()
        let report = try database.auditJournal(publicKey: key)
        let head = try database.lastPunch()
        if options.json {
            Output.json(JournalVerdict(report, head: head))
        } else {
            print(Self.summary(report, head: head, keyPath: key == nil ? nil : (publicKey ?? options.publicKeyPath)))
        }
        if !report.isIntact { throw ExitCode(1) }
    }

    /// The key to check signatures with: --public-key, else the state directory's, else none
    /// (a journal older than checkpoints; hashes are still compared).
    private func loadPublicKey() throws -> JournalPublicKey? {
        if let publicKey {
            do {
                return try DeviceSigningKey.loadPublic(path: publicKey)
            } catch {
                throw Output.fail(error.description, code: 64)
            }
        }
        guard FileManager.default.fileExists(atPath: options.publicKeyPath) else { return nil }
        do {
            return try DeviceSigningKey.loadPublic(path: options.publicKeyPath)
        } catch {
            throw Output.fail(error.description)
        }
    }

    static func summary(_ report: JournalAuditReport, head: Punch?, keyPath: String?) -> String {
        if let broken = report.firstBreak {
            return Output.red("journal BROKEN at seq \(broken.firstBadSeq): \(broken)")
        }
        var lines = [
            Output.green("journal intact: \(report.punches) punches")
                + (head.map { ", last seq \($0.seq), head \($0.hash.hexString.prefix(16))…" } ?? "")
        ]
        let signatures =
            report.signaturesChecked ? "signatures checked with \(keyPath ?? "the device key")" : "signatures NOT checked (no public key)"
        lines.append(
            "\(report.checkpoints) checkpoint(s) match, \(signatures)"
                + (report.lastCheckpointSeq.map { "; last at seq \($0)" } ?? "")
                + (report.unsignedPunches > 0 ? "; \(report.unsignedPunches) punch(es) after it not yet signed" : ""))
        return lines.joined(separator: "\n")
    }
}

/// `verify-journal --json` output.
struct JournalVerdict: Encodable {
    var status: String
    var punches: Int
    var headHash: String?
    var checkpoints: Int
    var signaturesChecked: Bool
    var lastCheckpointSeq: Int64?
    var unsignedPunches: Int64
    var firstBadSeq: Int64?
    var reason: String?

    init(_ report: JournalAuditReport, head: Punch?) {
        status = report.isIntact ? "intact" : "broken"
        punches = report.punches
        headHash = report.isIntact ? head?.hash.hexString : nil
        checkpoints = report.checkpoints
        signaturesChecked = report.signaturesChecked
        lastCheckpointSeq = report.lastCheckpointSeq
        unsignedPunches = report.unsignedPunches
        firstBadSeq = report.firstBreak?.firstBadSeq
        reason = report.firstBreak?.description
    }

    enum CodingKeys: String, CodingKey {
        case status, punches, reason, checkpoints
        case headHash = "head_hash"
        case signaturesChecked = "signatures_checked"
        case lastCheckpointSeq = "last_checkpoint_seq"
        case unsignedPunches = "unsigned_punches"
        case firstBadSeq = "first_bad_seq"
    }
}

struct ExportPublicKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-pubkey",
        abstract: "Print the device's journal public key (PEM) for the server to pin.")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let key: JournalPublicKey
        do {
            key =
                FileManager.default.fileExists(atPath: options.publicKeyPath)
                ? try DeviceSigningKey.loadPublic(path: options.publicKeyPath)
                : try DeviceSigningKey.load(path: options.signingKeyPath).publicKey
        } catch {
            throw Output.fail("\(error.description) (hadird creates the key at its first start)")
        }
        if options.json {
            Output.json(["algorithm": "ed25519", "pem": key.pem, "raw_hex": key.rawBytes.hexString, "fingerprint": key.fingerprint])
        } else {
            print(key.pem, terminator: "")
        }
    }
}

struct JournalProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal-proof",
        abstract: "Fetch journal rows and their signed checkpoints (JSON) for offline verification.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "First journal seq (default 1).") var from: Int64?
    @Option(help: "Last journal seq (default: the newest); the proof runs on to the next checkpoint.") var to: Int64?

    func run() throws {
        let proof = try call { () throws(ControlClientError) in try options.client.journalProof(from: from, to: to) }
        Output.json(proof)
    }
}

struct RotateTemplateKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-template-key",
        abstract: "Seal every stored fingerprint template with a new key (the daemon does it; audited).")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let rotation = try call { () throws(ControlClientError) in try options.client.rotateTemplateKey() }
        if options.json { return Output.json(rotation) }
        print("template key \(rotation.activeKey) active; \(rotation.resealed) template(s) re-sealed")
        if !rotation.unreadable.isEmpty {
            print(Output.red("could not open the templates of: \(rotation.unreadable.joined(separator: ", ")) (left as they were)"))
        }
    }
}
