import BeianJSON
import BeianRPC
import BeianRuntime
import BeianTLS
import Foundation

/// A real RPC server on 127.0.0.1 with an ephemeral port, TLS certificates minted for the test
/// run, for tests that need one. Use `withTestServer` so it always shuts down.
package struct TestServer: Sendable {
    package let server: RPCServer
    package let address: SocketAddress
    package let logs: InMemoryLogHandler
    private let runner: Task<Void, any Error>

    package static func start(
        services: [RPCService] = [], requireClientCertificate: Bool = true,
        configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        var configuration = ServerConfiguration(
            tls: TestCertificates.shared.serverConfiguration(requireClientCertificate: requireClientCertificate))
        configuration.loopCount = 1
        configure(&configuration)
        let logs = InMemoryLogHandler()
        let server = try RPCServer(configuration: configuration, services: services,
                                   logger: Logger(label: "test-server", handler: logs, minimumLevel: .info))
        let address = try await server.start()
        let runner = Task { try await server.run() }
        return TestServer(server: server, address: address, logs: logs, runner: runner)
    }

    /// A client of this server presenting `identity` (the default test clerk; nil for none), on
    /// `group`'s loops (nil: the process-wide client loop).
    package func client(
        identity: CertificateFiles? = TestCertificates.shared.client,
        group: EventLoopGroup? = nil,
        configure: (inout ClientConfiguration) -> Void = { _ in }
    ) throws -> RPCClient {
        var configuration = ClientConfiguration(
            host: "127.0.0.1", port: address.port,
            tls: TestCertificates.shared.clientConfiguration(identity: identity, serverName: "127.0.0.1"))
        configure(&configuration)
        return try RPCClient(configuration: configuration, group: group)
    }

    /// Gracefully shuts the server down and waits until it has stopped.
    package func stop() async {
        server.beginGracefulShutdown()
        _ = try? await runner.value
    }
}

/// Runs `body` against a fresh test server, shutting it down afterwards whether `body` threw or not.
package func withTestServer<T>(
    services: [RPCService] = [], requireClientCertificate: Bool = true,
    configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (TestServer) async throws -> T
) async throws -> T {
    let server = try await TestServer.start(services: services, requireClientCertificate: requireClientCertificate, configure: configure)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
