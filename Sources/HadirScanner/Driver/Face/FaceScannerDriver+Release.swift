extension FaceScannerDriver {
    /// A face is never lifted off a sensor, so this pauses `configuration.releaseDelay` (at most
    /// `timeout`) after a scan: one look makes one punch. Always true unless cancelled.
    public func awaitRelease(timeout: Duration) async throws(ScannerError) -> Bool {
        try await exclusive { () async throws(ScannerError) -> Bool in
            try requireOpen()
            do {
                try await Task.sleep(for: min(configuration.releaseDelay, max(timeout, .zero)))
            } catch {
                throw .cancelled
            }
            try requireOpen()
            return true
        }
    }
}
