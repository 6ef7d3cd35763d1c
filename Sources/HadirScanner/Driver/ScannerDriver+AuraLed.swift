extension ScannerDriver {
    /// Sets the R503 ring LED (AuraLedConfig). A module without the ring answers an error code,
    /// thrown as `.module(...)`, or stays silent (`.timeout`).
    public func setAuraLed(_ setting: EF01AuraLed) async throws(ScannerError) {
        try await exclusive { () throws(ScannerError) in
            _ = try requireParameters()
            try execute(setting.command).requireSuccess()
        }
    }
}
