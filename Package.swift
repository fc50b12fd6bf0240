// swift-tools-version: 6.0
//
// Beian: filing and supervision of websites, apps and new-media accounts for local
// internet-information offices. No Swift package dependencies: the only outside code is the
// system's libsqlite3 and libssl/libcrypto (OpenSSL 3), reached through system-library targets.
import PackageDescription

let package = Package(
    name: "Beian",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "identity", targets: ["IdentityServer"]),
        .executable(name: "intake", targets: ["IntakeServer"]),
        .executable(name: "beian", targets: ["Console"]),
        .executable(name: "beian-bench", targets: ["Benchmark"]),
        .executable(name: "beian-bench-server", targets: ["BenchmarkServer"]),
    ],
    targets: [
        // MARK: C libraries (system-library targets with shim headers)
        .systemLibrary(
            name: "CSQLite",
            path: "Shared/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(name: "CLinux", path: "Shared/CLinux"),
        .systemLibrary(
            name: "COpenSSL",
            path: "Shared/COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),

        // MARK: Shared layers
        .target(
            name: "BeianJSON",
            path: "Shared/JSON",
            // Hot coding loops mutate class-held buffers; the dynamic exclusivity checks cost ~10 %
            // of JSON time in release builds (measured with callgrind), and the code is written so
            // that accesses never overlap. Debug builds keep the checks.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(name: "BeianModel", path: "Shared/Model", exclude: ["Calendar/COUNTING.md"]),
        .target(
            name: "BeianReferenceData",
            dependencies: ["BeianModel", "BeianJSON"],
            path: "Shared/ReferenceData",
            resources: [.copy("Resources")]
        ),
        .target(name: "BeianRuntime", dependencies: ["BeianJSON"], path: "Shared/Runtime"),
        .target(name: "BeianTLS", dependencies: ["COpenSSL", "BeianRuntime"], path: "Shared/TLS"),
        .target(
            name: "BeianRPC",
            dependencies: ["CLinux", "BeianTLS", "BeianJSON", "BeianRuntime"],
            path: "Shared/RPC",
            exclude: ["PROTOCOL.md"]
        ),
        .target(
            name: "BeianStore",
            dependencies: ["CSQLite", "BeianTLS", "BeianRuntime", "BeianJSON"],
            path: "Shared/Store"
        ),
        .target(
            name: "BeianServiceKit",
            dependencies: ["BeianRPC", "BeianStore", "BeianModel", "BeianReferenceData", "BeianRuntime", "BeianJSON", "BeianTLS"],
            path: "Shared/ServiceKit"
        ),

        // MARK: Services
        .target(name: "IdentityService", dependencies: ["BeianServiceKit"], path: "Services/Identity/Service"),
        .executableTarget(name: "IdentityServer", dependencies: ["IdentityService"], path: "Services/Identity/Main"),
        .target(name: "IntakeService", dependencies: ["BeianServiceKit"], path: "Services/Intake/Service"),
        .executableTarget(name: "IntakeServer", dependencies: ["IntakeService"], path: "Services/Intake/Main"),
        .executableTarget(name: "Console", dependencies: ["BeianServiceKit", "IntakeService"], path: "Services/Console"),

        // MARK: Tests, benchmark
        .target(
            name: "TestSupport",
            dependencies: ["BeianRPC", "BeianTLS", "BeianRuntime", "BeianJSON"],
            path: "Tests/Support"
        ),
        .testTarget(name: "BeianJSONTests", dependencies: ["BeianJSON"]),
        .testTarget(name: "BeianModelTests", dependencies: ["BeianModel", "BeianReferenceData", "BeianJSON"]),
        .testTarget(name: "BeianTLSTests", dependencies: ["BeianTLS", "TestSupport"]),
        .testTarget(name: "BeianRPCTests", dependencies: ["BeianRPC", "TestSupport"]),
        .testTarget(name: "BeianStoreTests", dependencies: ["BeianStore", "TestSupport"]),
        .testTarget(name: "IdentityServiceTests", dependencies: ["IdentityService", "TestSupport"]),
        .testTarget(name: "IntakeServiceTests", dependencies: ["IntakeService", "IdentityService", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["BeianServiceKit", "IntakeService", "TestSupport"]),
        .executableTarget(name: "StoreCrashWriter", dependencies: ["BeianStore"], path: "Tests/StoreCrashWriter"),
        // The benchmark's RPC server runs as its own lean process: the RPC stack only, no Foundation.
        .target(name: "BenchmarkService", dependencies: ["BeianRPC", "BeianJSON", "BeianRuntime"], path: "Tests/BenchmarkServer/Service"),
        .executableTarget(name: "BenchmarkServer", dependencies: ["BenchmarkService"], path: "Tests/BenchmarkServer/Main"),
        .executableTarget(
            name: "Benchmark",
            dependencies: ["BeianRPC", "BeianStore", "BeianServiceKit", "IdentityService", "IntakeService", "TestSupport",
                           "BenchmarkService"],
            path: "Tests/Benchmark"
        ),
    ]
)

// One list of settings for every Swift target (Swift 6 language mode comes with tools 6.0).
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
