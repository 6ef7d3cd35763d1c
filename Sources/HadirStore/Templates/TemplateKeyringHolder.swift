import Foundation
import HadirCore

/// The keyring a database seals templates with, swappable while the daemon runs (rotation).
final class TemplateKeyringHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var keyring: TemplateKeyring?

    var current: TemplateKeyring? {
        lock.lock()
        defer { lock.unlock() }
        return keyring
    }

    func set(_ keyring: TemplateKeyring?) {
        lock.lock()
        defer { lock.unlock() }
        self.keyring = keyring
    }
}
