import ArgumentParser

/// Fixtures for the peer tests and benchmarks: synthetic journals written through the store's
/// own append path, and a pull server on a kiosk without a scanner.
///
/// Not installed on kiosks: it writes punches no scanner saw.
@main
struct HadirFixtures: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hadir-fixtures",
        abstract: "Test and benchmark fixtures (never for a production kiosk).",
        subcommands: [Seed.self, PullHost.self])
}
