extension ScannerDriver {
    /// Sends one command without a data phase and returns the reply, whatever its code.
    ///
    /// For module features without a dedicated call: the R503 ring LED (`auraLed`), `checkSensor`,
    /// `handshake`, `setSysPara`, `softReset`. Commands followed by data packets (UpChar, DownChar,
    /// UpImage, DownImage) are refused with `.protocolViolation`; use `enroll`/`restore` instead.
    public func send(_ command: EF01Command) async throws(ScannerError) -> EF01Acknowledgement {
        try await exclusive { () throws(ScannerError) -> EF01Acknowledgement in
            _ = try requireParameters()
            switch command.instruction {
            case .upChar, .downChar, .upImage, .downImage:
                throw .protocolViolation("\(command.instruction.name) has a data phase; use the dedicated call")
            default:
                return try execute(command)
            }
        }
    }
}
