import HadirCore

extension FaceScannerDriver: ScannerModule {
    /// A face module: its punches carry the face verify method.
    public nonisolated var modality: BiometricModality { .face }
}
