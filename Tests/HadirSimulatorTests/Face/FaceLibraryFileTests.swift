import Foundation
import Testing

@testable import HadirSimulator

struct FaceLibraryFileTests {
    func directory() -> String {
        NSTemporaryDirectory() + "hadir-faces-\(UUID().uuidString)"
    }

    @Test func usersSurviveARestartOfTheSimulator() throws {
        let path = directory()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try FaceLibraryFile(directory: path)
        #expect(try file.load().count == 0)
        var module = FaceModuleEmulator(users: try file.load())
        _ = try FaceModuleEmulatorTests.enroll(4, as: "Dian", into: &module, at: 0)
        try file.save(module.users)

        let reloaded = try FaceLibraryFile(directory: path).load()
        #expect(reloaded.users == module.users.users)
        #expect(reloaded.owner(ofFace: 4)?.name == "Dian")
    }

    @Test func damagedFilesNameThePathAndTheReason() throws {
        let path = directory()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try FaceLibraryFile(directory: path)
        try Data("{\"format\":\"other\",\"version\":1,\"users\":[]}".utf8).write(to: URL(fileURLWithPath: file.path))
        #expect(throws: LibraryFileError.self) { try file.load() }
        let twice = """
            {"format":"hadir-sim-faces","version":1,"users":[
            {"userID":1,"name":"A","admin":false,"face":1},{"userID":1,"name":"B","admin":false,"face":2}]}
            """
        try Data(twice.utf8).write(to: URL(fileURLWithPath: file.path))
        do {
            _ = try file.load()
            Issue.record("a duplicated id loaded")
        } catch {
            #expect(error.description == "\(file.path): a user id appears twice")
        }
    }
}
