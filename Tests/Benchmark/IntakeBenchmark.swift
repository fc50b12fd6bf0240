import BeianModel
import BeianRPC
import BeianRuntime
import BeianServiceKit
import Foundation
import IdentityService
import IntakeService
import TestSupport

/// The intake benchmark (`beian-bench intake [submit|steps|list|all|generate]`):
/// 1. submissions acknowledged per second at 64 clients over TLS, durable, identity check included;
/// 2. staff lists and name searches over a database of 1,000,000 filings (`--filings N`).
///
/// Intake and identity run as child processes of this executable (`beian-bench intake serve
/// NAME`), which run exactly the executables' code: `ServiceMain` with `IntakeAssembly` /
/// `IdentityAssembly`, the office's real settings from the environment, mutual TLS on loopback.
enum IntakeBenchmark {
    /// The office measured: Shangluo (a city office with local offices).
    static let office = "611000"
    static let today = "2021-05-20"

    /// Runs the mode named by the first positional argument.
    static func run(_ options: BenchmarkOptions, duration: Double) async throws -> [String] {
        let mode = options.positionals.first ?? "all"
        switch mode {
        case "serve":
            await serve(options.positionals.dropFirst().first ?? "")
        case "submit":
            return try await submissions(duration: duration, clients: options.int("clients", default: 64),
                                         intakeLoops: options.int("intake-loops", default: 2),
                                         count: options.int("submissions", default: 0),
                                         callersOnLoop: options.values["callers-on"] == "loop")
        case "steps":
            return try await steps(count: options.int("filings", default: 20_000), rounds: options.int("rounds", default: 3))
        case "list":
            return try await lists(filings: options.int("filings", default: 1_000_000),
                                   iterations: options.int("iterations", default: 200))
        case "generate":
            // `intake generate --filings N --state DIR`: only writes the database (for inspection).
            guard let state = options.values["state"] else { throw BenchmarkUsage("intake generate needs --state DIR") }
            try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
            try await generate(filings: options.int("filings", default: 1_000_000), state: state)
            return ["generated \(options.int("filings", default: 1_000_000)) filings in \(state)"]
        case "all":
            return try await submissions(duration: duration, clients: options.int("clients", default: 64),
                                         intakeLoops: options.int("intake-loops", default: 2))
                + [""] + lists(filings: options.int("filings", default: 1_000_000),
                               iterations: options.int("iterations", default: 200))
        default:
            throw BenchmarkUsage("intake mode must be submit, steps, list, all or generate, got \(mode)")
        }
    }

    /// `beian-bench intake serve identity|intake`: the service's main (internal).
    static func serve(_ name: String) async -> Never {
        switch name {
        case "identity":
            await ServiceMain.run(service: "identity", defaultPort: 0, clientCertificates: .required) { context in
                try await IdentityAssembly.services(context)
            }
        case "intake":
            await ServiceMain.run(service: "intake", defaultPort: 0, clientCertificates: .optional) { context in
                try await IntakeAssembly.services(context)
            }
        default:
            FileHandle.standardError.write(Data("beian-bench intake serve: identity or intake\n".utf8))
            exit(2)
        }
    }

    /// Starts `name` as a child process on `state`, with `extra` settings. With
    /// `BEIAN_BENCH_LAUNCH_INTAKE` (or `_IDENTITY`) set, e.g. to `/usr/bin/valgrind --tool=callgrind`,
    /// the service runs under that program (words split at spaces).
    static func start(_ name: String, state: String, extra: [String: String]) async throws -> ServiceProcess {
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        var environment = try ServiceEnvironment.make(service: name, stateDirectory: state, office: office, extra: extra)
        environment["BEIAN_LOG_LEVEL"] = "warning"
        return try await ServiceProcess("beian-bench", environment: environment, arguments: ["intake", "serve", name],
                                        readyTimeout: 600, launcher: launcher(name))
    }

    /// The launcher words set for service `name`, if any.
    static func launcher(_ name: String) -> [String] {
        let setting = ProcessInfo.processInfo.environment["BEIAN_BENCH_LAUNCH_\(name.uppercased())"] ?? ""
        return setting.split(separator: " ").map(String.init)
    }

    /// A client of intake: a staff member's (clerk of the office) or an operator's.
    static func client(port: Int, staff: Bool, group: EventLoopGroup) throws -> RPCClient {
        let identity = staff ? try TestCertificates.shared.clientCertificate(commonName: "基准科员", organization: office,
                                                                             organizationalUnit: "clerk") : nil
        var configuration = ClientConfiguration(
            host: "127.0.0.1", port: port,
            tls: TestCertificates.shared.clientConfiguration(identity: identity, serverName: "127.0.0.1"))
        configuration.defaultTimeout = .seconds(60)
        return try RPCClient(configuration: configuration, group: group)
    }
}

/// A wrong use of `beian-bench intake`.
struct BenchmarkUsage: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
