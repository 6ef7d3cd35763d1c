import HadirCore

extension ControlActions {
    /// `GET /kiosk/state`: the status strip from the same figures as `/v1/status`, without the
    /// expensive counts, and the office name as `[report]` has it now (a reload changes it).
    func doorState(language: KioskLanguage) async throws -> DoorState {
        let profile = await recorder.profile
        let strip = DoorStatusStrip.items(
            uplinks: try uplinkStatus(), clock: await clockMonitor?.status(), storage: storage?.status,
            scannersConnected: scanners.allConnected, language: language)
        let officeName = reportSettings.value.officeName
        return DoorState(
            officeName: officeName.isEmpty ? "Hadir" : officeName, zone: profile.zone.rawValue,
            zoneOffsetSeconds: profile.zone.offsetSeconds,
            nowMilliseconds: clock.now().utcMilliseconds, language: language.rawValue,
            resultSeconds: configuration.kiosk.resultSeconds, strip: strip, texts: DoorState.Texts(language))
    }
}
