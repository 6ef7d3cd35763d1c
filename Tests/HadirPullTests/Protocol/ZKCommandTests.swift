import HadirPull
import Testing

struct ZKCommandTests {
    /// Spec §2, transcribed independently of the source's table.
    static let specCodes: [(ZKCommand, UInt16)] = [
        (.dbReadRequest, 7), (.userWrite, 8), (.userTemplateReadRequest, 9), (.userTemplateWrite, 10),
        (.optionsRead, 11), (.optionsWrite, 12), (.attlogReadRequest, 13), (.clearData, 14), (.clearAttlog, 15),
        (.deleteUser, 18), (.deleteUserTemplate, 19), (.unlock, 31), (.oplogReadRequest, 34), (.getFreeSizes, 50),
        (.startVerify, 60), (.startEnroll, 61), (.cancelCapture, 62), (.stateReadRequest, 64), (.writeLCD, 66),
        (.clearLCD, 67), (.getPinWidth, 69), (.doorStateReadRequest, 75), (.getOneTemplate, 88),
        (.saveUsersAndTemplates, 110), (.deleteTemplateByUser, 134), (.getTime, 201), (.setTime, 202),
        (.registerEvent, 500), (.connect, 1000), (.exit, 1001), (.enableDevice, 1002), (.disableDevice, 1003),
        (.restart, 1004), (.powerOff, 1005), (.refreshData, 1013), (.refreshOption, 1014), (.testVoice, 1017),
        (.getVersion, 1100), (.auth, 1102), (.prepareData, 1500), (.data, 1501), (.freeData, 1502),
        (.prepareBuffer, 1503), (.readBuffer, 1504), (.ackOK, 2000), (.ackError, 2001), (.ackData, 2002),
        (.ackRetry, 2003), (.ackRepeat, 2004), (.ackUnauth, 2005), (.ackUnknown, 0xFFFF), (.ackErrorCommand, 0xFFFD),
        (.ackErrorInit, 0xFFFC), (.ackErrorData, 0xFFFB),
    ]

    @Test func everySpecCodeHasItsRawValue() {
        for (command, code) in Self.specCodes {
            #expect(command.rawValue == code, "\(command)")
            #expect(ZKCommand(rawValue: code) == command)
        }
    }

    @Test func everySpecCodeIsKnownAndNamedOnce() {
        #expect(ZKCommand.knownCommands.count == Self.specCodes.count)
        #expect(Set(ZKCommand.knownCommands.map(\.command)).count == Self.specCodes.count)
        #expect(Set(ZKCommand.knownCommands.map(\.name)).count == Self.specCodes.count)
        for (command, _) in Self.specCodes {
            #expect(command.isKnown)
            #expect(!command.description.hasPrefix("CMD "))
        }
    }

    @Test func descriptionUsesProtocolNames() {
        #expect(ZKCommand.connect.description == "CONNECT")
        #expect(ZKCommand.ackOK.description == "ACK_OK")
        #expect(ZKCommand.ackUnknown.description == "ACK_UNKNOWN")
        #expect(ZKCommand.prepareBuffer.description == "PREPARE_BUFFER")
        #expect(ZKCommand.ackErrorCommand.description == "ACK_ERROR_CMD")
    }

    @Test func unknownCodesStayRepresentableAndPrintTheirNumber() {
        let unknown = ZKCommand(rawValue: 1234)
        #expect(unknown.rawValue == 1234)
        #expect(!unknown.isKnown)
        #expect(unknown.description == "CMD 1234")
        #expect(ZKCommand(rawValue: 0).description == "CMD 0")
    }
}
