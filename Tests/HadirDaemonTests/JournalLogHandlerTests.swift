import Logging
import Testing

@testable import HadirDaemon

@Suite struct JournalLogHandlerTests {
    @Test func mapsEveryLevelToItsSyslogPriority() {
        let expected: [Logger.Level: Int] = [.trace: 7, .debug: 7, .info: 6, .notice: 5, .warning: 4, .error: 3, .critical: 2]
        for level in Logger.Level.allCases {
            #expect(JournalLogHandler.priority(level) == expected[level], "\(level)")
        }
    }

    @Test func prefixesThePriorityAndSortsMetadataAsKeyValue() {
        let line = JournalLogHandler.line(level: .warning, message: "scanner fault", metadata: ["error": "timeout", "consecutive": "2"])
        #expect(line == "<4>scanner fault consecutive=2 error=timeout")
    }

    @Test func quotesValuesWithSpacesAndEscapesNewlines() {
        let line = JournalLogHandler.line(
            level: .error, message: "two\nlines", metadata: ["reason": "bad \"value\" here", "empty": ""])
        #expect(line == #"<3>two\nlines empty="" reason="bad \"value\" here""#)
    }

    @Test func readsAndWritesTheSharedLevel() {
        let level = LiveLogLevel(.info)
        var handler = JournalLogHandler(label: "test", level: level)
        #expect(handler.logLevel == .info)
        level.value = .debug
        #expect(handler.logLevel == .debug)
        handler.logLevel = .error
        #expect(level.value == .error)
        #expect(LiveLevelLogHandler(label: "test", level: level).logLevel == .error)
    }

    @Test func journalStreamMatchesOnlyStderrsDeviceAndInode() {
        #expect(JournalStream.matches("8:12345", device: 8, inode: 12_345))
        #expect(!JournalStream.matches("8:12346", device: 8, inode: 12_345))
        #expect(!JournalStream.matches("9:12345", device: 8, inode: 12_345))
        #expect(!JournalStream.matches(nil, device: 8, inode: 12_345))
        #expect(!JournalStream.matches("", device: 8, inode: 12_345))
        #expect(!JournalStream.matches("8:12345:1", device: 8, inode: 12_345))
        #expect(!JournalStream.matches("x:y", device: 8, inode: 12_345))
        // A pipe (the test's stderr) is not the journal, whatever the variable says.
        #expect(!JournalStream.stderrIsJournal(environment: ["JOURNAL_STREAM": "0:0"]))
    }
}
