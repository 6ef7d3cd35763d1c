import ArgumentParser
import Foundation
import HadirCore

#if canImport(Glibc)
    import Glibc
#endif

/// `hadirctl admin-pin-hash`: reads the technician page's PIN from stdin and prints the
/// `[admin] pin_hash` line. The PIN is never an argument, so it stays out of shell history and ps.
struct AdminPINHashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin-pin-hash",
        abstract: "Read an admin PIN (4-12 digits) from stdin and print the [admin] pin_hash line for hadird.toml.")

    func run() throws {
        let terminal = isatty(0) == 1
        if terminal { FileHandle.standardError.write(Data("Admin PIN (4-12 digits): ".utf8)) }
        let line = Self.withoutEcho(terminal) { readLine(strippingNewline: true) }
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        guard let pin = line else { throw ValidationError("no PIN on stdin") }
        do {
            let hash = try AdminPINHash(hashing: pin)
            print("pin_hash = \"\(hash)\"")
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Turns the terminal's echo off while `body` reads, so the PIN is not shown on screen.
    static func withoutEcho<T>(_ terminal: Bool, _ body: () -> T) -> T {
        guard terminal else { return body() }
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return body() }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &quiet)
        defer { tcsetattr(0, TCSANOW, &saved) }
        return body()
    }
}
