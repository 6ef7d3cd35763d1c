// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Hadir",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hadird", targets: ["hadird"]),
        .executable(name: "hadirctl", targets: ["hadirctl"]),
        .executable(name: "hadir-sim", targets: ["hadir-sim"]),
        .executable(name: "hadir-bench", targets: ["hadir-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // System libraries, installed by `make deps` (apt).
        .systemLibrary(
            name: "CLibUSB", pkgConfig: "libusb-1.0",
            providers: [.apt(["libusb-1.0-0-dev"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),

        // Kernel calls Glibc's Swift module does not export (adjtimex).
        .target(name: "CHadirSystem"),

        // Domain values and rules. Pure: no I/O.
        .target(
            name: "HadirCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                // PBKDF2 for the admin PIN hash.
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]),
        .target(
            name: "HadirStore",
            dependencies: ["HadirCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "HadirScanner",
            dependencies: ["HadirCore", "CLibUSB"]),
        .target(
            name: "HadirSimulator",
            dependencies: ["HadirCore", "HadirScanner"]),
        // HTTP client over libcurl: the uplink's transport and hadirctl's (unix socket) client.
        .target(
            name: "HadirHTTPClient",
            dependencies: ["CCurl"]),
        .target(
            name: "HadirUplink",
            dependencies: [
                "HadirCore", "HadirStore", "HadirHTTPClient", .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]),
        // Connection caps and eviction for the listeners hostile LAN clients reach (4370, control TCP).
        .target(
            name: "HadirConnectionLimits",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "HadirPull",
            dependencies: [
                "HadirCore", "HadirStore", "HadirConnectionLimits",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The control API's HTTP plumbing: unix-socket and token-guarded TCP serving (Hummingbird),
        // JSON errors, server-sent events, CSV, and the libcurl client hadirctl uses.
        .target(
            name: "HadirControl",
            dependencies: [
                "HadirHTTPClient", "HadirConnectionLimits",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        // The door screen's page, style and script, compiled into the binary (no bundle at run time).
        .target(
            name: "HadirKioskAssets",
            resources: [.embedInCode("Assets/kiosk.html"), .embedInCode("Assets/kiosk.css"), .embedInCode("Assets/kiosk.js")]),
        .target(
            name: "HadirDaemon",
            dependencies: [
                "HadirCore", "HadirStore", "HadirScanner", "HadirUplink", "HadirHTTPClient", "HadirPull", "HadirControl", "CHadirSystem",
                "HadirConnectionLimits", "HadirKioskAssets",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The technician page, compiled in: the static hadird ships without a resource bundle.
            resources: [
                .embedInCode("Admin/Assets/admin.html"), .embedInCode("Admin/Assets/admin.js"),
                .embedInCode("Admin/Assets/admin.css"),
            ]),

        .executableTarget(
            name: "hadird",
            dependencies: [
                "HadirDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "hadirctl",
            dependencies: [
                "HadirCore", "HadirStore", "HadirDaemon", "HadirPull", "HadirUplink", "HadirHTTPClient", "HadirControl",
                "HadirConnectionLimits",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "hadir-sim",
            dependencies: [
                "HadirSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Test and benchmark fixtures: synthetic journals, and a pull server on a scanner-less kiosk.
        .executableTarget(
            name: "hadir-fixtures",
            dependencies: [
                "HadirCore", "HadirStore", "HadirPull", "HadirDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Native-USB scanner probe: the umockdev tests run it; technicians may too. Not a product.
        .executableTarget(name: "hadir-usb-probe", dependencies: ["HadirScanner"]),
        .executableTarget(
            name: "hadir-bench",
            dependencies: [
                "HadirCore", "HadirStore", "HadirDaemon", "HadirUplink", "HadirHTTPClient", "HadirPull", "HadirScanner",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        .testTarget(name: "HadirCoreTests", dependencies: ["HadirCore"]),
        .testTarget(
            name: "HadirStoreTests", dependencies: ["HadirStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "HadirScannerTests", dependencies: ["HadirScanner", "HadirCore", "HadirSimulator"]),
        .testTarget(name: "HadirSimulatorTests", dependencies: ["HadirSimulator"]),
        .testTarget(
            name: "HadirUplinkTests",
            dependencies: [
                "HadirUplink", "HadirHTTPClient", "HadirCore", "HadirStore", .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(name: "HadirPullTests", dependencies: ["HadirPull", "HadirCore", "HadirStore"]),
        .testTarget(name: "HadirConnectionLimitsTests", dependencies: ["HadirConnectionLimits"]),
        .testTarget(name: "HadirDaemonTests", dependencies: ["HadirDaemon", "HadirSimulator"]),
        .testTarget(
            name: "HadirControlTests",
            dependencies: [
                "HadirControl", "HadirHTTPClient", "HadirConnectionLimits", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "SystemTests",
            dependencies: [
                "HadirCore", "HadirStore", "HadirDaemon", "HadirControl", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ]
)

// libFuzzer targets (`make fuzz`, docs/fuzzing.md). They link only with `-sanitize=fuzzer`, whose
// runtime supplies the fuzzing loop, so they exist only when HADIR_FUZZ=1: a plain `swift build` or
// `swift test` never sees them. One small executable per fuzzed surface, so each links only the
// modules it tests, keeps its own corpus, and names the surface in a crash report.
if Context.environment["HADIR_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, folder: String, dependencies: [Target.Dependency])] = [
        ("fuzz-ef01", "EF01", ["HadirScanner"]),
        ("fuzz-efaa", "EFAA", ["HadirScanner"]),
        ("fuzz-zk-frame", "ZKFrame", ["HadirPull"]),
        ("fuzz-zk-session", "ZKSession", ["HadirPull", "HadirStore"]),
        ("fuzz-adms", "ADMS", ["HadirUplink"]),
        ("fuzz-config", "Config", ["HadirDaemon"]),
    ]
    package.targets += [
        .systemLibrary(name: "CLibFuzzer", path: "Tests/fuzz/Support/CLibFuzzer"),
        .target(name: "HadirFuzzSupport", dependencies: ["CLibFuzzer", "HadirCore"], path: "Tests/fuzz/Support/HadirFuzzSupport"),
    ]
    for target in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: target.name, dependencies: ["HadirFuzzSupport", "HadirCore"] + target.dependencies,
                path: "Tests/fuzz/Targets/\(target.folder)"))
    }
}
