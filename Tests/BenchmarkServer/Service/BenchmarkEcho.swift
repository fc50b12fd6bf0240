import BeianRPC
import BeianRuntime
import FoundationEssentials
import Glibc

/// The server side of the RPC benchmark: a typed echo service and the loop of the server process
/// (`beian-bench-server`), kept free of Foundation so that its memory is that of a lean service.
package enum BenchmarkEcho {
    /// The service name; the method is `bench.v1.Bench/Echo`.
    package static let serviceName = "bench.v1.Bench"

    /// The benchmark service: a typed echo of `BenchmarkMessage` (decode and encode on the server).
    package static var service: RPCService {
        RPCService(name: serviceName, summary: "Benchmark echo.", methods: [
            .unary(serviceName, "Echo", request: BenchmarkMessage.self, response: BenchmarkMessage.self) { request, _ in
                request
            },
        ])
    }

    /// Runs the benchmark server (health, reflection and echo over mutual TLS) until SIGTERM or
    /// SIGINT; once it listens, writes its port to `portFile`.
    package static func serve(portFile: String, loops: Int, certificate: String, key: String, ca: String) async throws {
        var configuration = ServerConfiguration(tls: .server(certificateChainFile: certificate, privateKeyFile: key,
                                                             clientCAFile: ca, requireClientCertificate: true))
        configuration.loopCount = loops
        configuration.maximumConnections = 20_000
        configuration.idleTimeout = .seconds(3600)
        let logger = Logger(label: "bench-server", handler: DiscardingLogHandler(), minimumLevel: .critical)
        let server = try RPCServer(configuration: configuration, services: [service], logger: logger)
        let address = try await server.start()
        try "\(address.port)\n".write(toFile: portFile, atomically: true, encoding: .utf8)
        Task {
            _ = await ProcessSignals.next(of: [SIGTERM, SIGINT])
            server.beginGracefulShutdown()
        }
        try await server.run()
    }
}
