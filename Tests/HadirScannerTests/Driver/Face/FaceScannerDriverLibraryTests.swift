import HadirCore
import HadirSimulator
import Testing

@testable import HadirScanner

struct FaceScannerDriverLibraryTests {
    typealias F = FaceDriverFixture

    @Test func listIsAscendingAndDeleteRemovesOneUser() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(9, face: 1), F.user(2, face: 2), F.user(5, face: 3)])

        #expect(try await driver.list() == [2, 5, 9])
        try await driver.delete(slot: 5)
        #expect(try await driver.list() == [2, 9])
        #expect(transport.module.users.sortedIDs == [2, 9])
    }

    @Test func deletingAnUnknownUserSucceeds() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(2, face: 2)])

        try await driver.delete(slot: 77)

        #expect(transport.commands == [.deleteUser(77)])
        #expect(transport.module.users.sortedIDs == [2])
    }

    @Test func anEmptyModuleListsNothing() async throws {
        let (driver, _) = try await F.opened()
        #expect(try await driver.list() == [])
    }

    @Test func aRefusedDeleteIsAModuleError() async throws {
        let (driver, transport) = try await F.opened(users: [F.user(2, face: 2)])
        transport.rewrite { frame in
            FaceWire.isReply(frame, to: .deleteUser) ? FaceWire.reply(.deleteUser, .fileWriteError) : frame.encoded
        }

        #expect(await DriverFixture.error { try await driver.delete(slot: 2) } == .faceModule(.fileWriteError))
    }
}
