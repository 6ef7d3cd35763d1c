import Foundation

/// Where `swift build` put hadird, hadirctl and hadir-sim. `make test` builds them first.
enum Binaries {
    static let directory: String = {
        if let dir = ProcessInfo.processInfo.environment["HADIRTEST_BIN_DIR"], !dir.isEmpty { return dir }
        // Tests/SystemTests/Harness/Binaries.swift → package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug").path
    }()

    static func path(_ name: String) -> String { directory + "/" + name }
}

/// A fresh directory under /tmp, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init(_ label: String) throws {
        path = NSTemporaryDirectory() + "hadir-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
