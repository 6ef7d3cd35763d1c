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
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "HadirStore",
            dependencies: ["HadirCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "HadirScanner",
            dependencies: ["HadirCore", "CLibUSB"]),
        .target(
            name: "HadirSimulator",
            dependencies: ["HadirScanner"]),
        .target(
            name: "HadirUplink",
            dependencies: ["HadirCore", "HadirStore", "CCurl", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "HadirDaemon",
            dependencies: [
                "HadirCore", "HadirStore", "HadirScanner", "HadirUplink", "CHadirSystem",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
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
                "HadirCore", "HadirStore", "HadirDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "hadir-sim",
            dependencies: [
                "HadirSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "hadir-bench",
            dependencies: [
                "HadirCore", "HadirStore", "HadirDaemon", "HadirUplink",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        .testTarget(name: "HadirCoreTests", dependencies: ["HadirCore"]),
        .testTarget(
            name: "HadirStoreTests", dependencies: ["HadirStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "HadirScannerTests", dependencies: ["HadirScanner", "HadirCore"]),
        .testTarget(name: "HadirSimulatorTests", dependencies: ["HadirSimulator"]),
        .testTarget(
            name: "HadirUplinkTests",
            dependencies: ["HadirUplink", "HadirCore", "HadirStore", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "HadirDaemonTests", dependencies: ["HadirDaemon", "HadirSimulator"]),
        .testTarget(
            name: "SystemTests",
            dependencies: ["HadirStore", "HadirDaemon", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
