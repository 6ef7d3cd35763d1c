import HadirCore
import Testing

@testable import HadirUplink

struct ADMSCommandResultTests {
    @Test func resultLineHasIDReturnAndCMD() {
        #expect(ADMSCommandResult(id: "12", returnCode: .success, cmdToken: "DATA").encoded == "ID=12&Return=0&CMD=DATA")
        #expect(ADMSCommandResult(id: "info8487", command: .clearLog, returnCode: .success).encoded == "ID=info8487&Return=0&CMD=CLEAR_LOG")
        #expect(ADMSCommandResult(id: "3", command: .info, returnCode: .busy).encoded == "ID=3&Return=-1005&CMD=INFO")
        #expect(
            ADMSCommandResult(id: "4", command: .setOption(.other(key: "A", value: "1")), returnCode: .notSupported).encoded
                == "ID=4&Return=-1002&CMD=SET OPTION")
    }

    @Test func verifySumCarriesTheRangeAndTheCount() {
        let range = ADMSTimeRange(start: ADMSFixtures.time(2015, 7, 29), end: ADMSFixtures.time(2015, 7, 29, 23, 59, 59))
        #expect(
            ADMSCommandResult.verifySum(id: "5", range: range, count: 42).encoded
                == "ID=5&Return=0&CMD=VERIFY SUM&StartTime=2015-07-29 00:00:00&EndTime=2015-07-29 23:59:59&AttlogSum=42")
        #expect(
            ADMSCommandResult.verifySum(id: "6", range: ADMSTimeRange(start: nil, end: nil), count: -3).encoded
                == "ID=6&Return=0&CMD=VERIFY SUM&StartTime=&EndTime=&AttlogSum=0")
    }

    @Test func infoResultIsMultiLine() {
        let result = ADMSCommandResult.info(
            id: "9",
            values: [
                ADMSKeyValue("~DeviceName", "Hadir Kiosk"), ADMSKeyValue("FWVersion", "0.3.0"), ADMSKeyValue("TransactionCount", "42"),
            ])
        #expect(result.encoded == "ID=9&Return=0&CMD=INFO\n~DeviceName=Hadir Kiosk\nFWVersion=0.3.0\nTransactionCount=42")
    }

    @Test func severalResultsAreJoinedWithLF() {
        let body = ADMSCommandResult.body([
            ADMSCommandResult(id: "1", returnCode: .success, cmdToken: "DATA"),
            ADMSCommandResult(id: "2", returnCode: .pinNotOnDevice, cmdToken: "DATA"),
        ])
        #expect(body == "ID=1&Return=0&CMD=DATA\nID=2&Return=-10&CMD=DATA")
    }

    @Test func parseErrorsBecomeResults() {
        let error = ADMSCommandError(id: "77", cmdToken: "ENROLL_FP", reason: .missing(key: "FID"))
        #expect(ADMSCommandResult(error: error).encoded == "ID=77&Return=-1&CMD=ENROLL_FP")
    }

    @Test func structureBreakingCharactersBecomeSpaces() {
        let result = ADMSCommandResult(
            id: "1&x", returnCode: .success, cmdToken: "IN\nFO", fields: [ADMSKeyValue("A&=", "b&c\r\n")],
            infoLines: [ADMSKeyValue("k=", "v\nw&x")])
        #expect(result.encoded == "ID=1 x&Return=0&CMD=IN FO&A  =b c \nk =v w&x")
    }

    @Test func returnCodesHaveTheReferenceValues() {
        let expected: [(ADMSReturnCode, Int)] = [
            (.success, 0), (.badParameter, -1), (.readWriteError, -3), (.templateSizeMismatch, -9), (.pinNotOnDevice, -10),
            (.illegalTemplateFormat, -11), (.illegalTemplate, -12), (.capacityFull, -1001), (.notSupported, -1002), (.timeout, -1003),
            (.inconsistentWithConfiguration, -1004), (.busy, -1005), (.dataTooLong, -1006), (.enrollAlreadyExists, 2),
            (.enrollPoorQuality, 4),
            (.enrollDuplicateFingerprint, 5), (.enrollCancelled, 6), (.enrollBusy, 7),
        ]
        #expect(expected.map { $0.0.rawValue } == expected.map(\.1))
        #expect(Set(expected.map(\.0)) == Set(ADMSReturnCode.allCases))
    }

    @Test func argumentErrorsMapToReturnCodes() {
        #expect(ADMSCommandArgumentError.missing(key: "PIN").returnCode == .badParameter)
        #expect(ADMSCommandArgumentError.illegalTemplateFormat(key: "TMP").returnCode == .illegalTemplateFormat)
        #expect(ADMSCommandArgumentError.lineTooLong(byteCount: 1).returnCode == .dataTooLong)
        #expect(ADMSCommandArgumentError.valueTooLong(key: "NAME", byteCount: 1).returnCode == .dataTooLong)
        #expect(ADMSCommandArgumentError.invalidTimeRange.returnCode == .badParameter)
    }
}
