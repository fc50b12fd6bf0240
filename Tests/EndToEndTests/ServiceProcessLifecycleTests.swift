import BeianJSON
import BeianRPC
import Foundation
import Testing
import TestSupport

/// The real service executables, started as processes.
@Suite("Service processes")
struct ServiceProcessLifecycleTests {
    @Test("SIGTERM drains: the call in flight finishes, then the process exits 0")
    func sigtermDrains() async throws {
        let state = try TemporaryDirectory(prefix: "e2e-identity")
        let identity = try await ServiceProcess("identity", environment: ServiceEnvironment.make(service: "identity", stateDirectory: state.path))
        let client = try RPCClient(configuration: ClientConfiguration(
            host: "127.0.0.1", port: identity.port,
            tls: TestCertificates.shared.clientConfiguration(identity: TestCertificates.shared.client, serverName: "127.0.0.1")))
        #expect(try await client.unaryJSON("grpc.health.v1.Health/Check", message: ["service": ""]).message == ["status": "SERVING"])
        let inFlight = Task { try await client.unaryJSON("beian.echo.v1.Echo/Sleep", message: ["milliseconds": 1500]) }
        try await Task.sleep(for: .milliseconds(300))
        let status = await identity.terminate()
        #expect(status == 0)
        #expect(try await inFlight.value.message == ["slept_milliseconds": 1500])
        #expect(identity.logs.contains { $0.contains("signal received") })
        #expect(identity.logs.contains { $0.contains("graceful shutdown") })
    }

    @Test("a configuration error names the variable and exits 2")
    func configurationError() async throws {
        let result = try await ProcessRunner.run(try ServiceProcess.executable("identity"), arguments: [],
                                                 environment: ["BEIAN_TLS_CERT": "/nonexistent/cert.pem"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("BEIAN_TLS_CERT"))
        #expect(result.standardError.contains("/nonexistent/cert.pem"))
    }
}
