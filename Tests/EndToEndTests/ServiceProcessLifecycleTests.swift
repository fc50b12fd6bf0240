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
        // A call surely in flight on the server when the signal comes: its first answer is in.
        let chat = try await client.open("beian.echo.v1.Echo/Chat")
        var answers = chat.responses.makeAsyncIterator()
        try chat.send(["text": "before the signal"])
        #expect(try await answers.next()?["text"] == "before the signal")
        let exited = Task { await identity.terminate() }
        try await Task.sleep(for: .milliseconds(300))
        try chat.send(["text": "while draining"])
        #expect(try await answers.next()?["text"] == "while draining")
        chat.end()
        #expect(try await answers.next() == nil, "the call finishes OK")
        #expect(await exited.value == 0)
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

    @Test("out of descriptors, a service pauses accepting (a log line per pause, no busy loop) and resumes once one is free")
    func descriptorExhaustion() async throws {
        let state = try TemporaryDirectory(prefix: "e2e-emfile")
        let identity = try await ServiceProcess("identity", environment: ServiceEnvironment.make(service: "identity", stateDirectory: state.path))
        func client() throws -> RPCClient {
            var configuration = ClientConfiguration(
                host: "127.0.0.1", port: identity.port,
                tls: TestCertificates.shared.clientConfiguration(identity: TestCertificates.shared.client, serverName: "127.0.0.1"))
            configuration.connectTimeout = .seconds(60)  // the waiting one waits for as long as the test looks
            return try RPCClient(configuration: configuration)
        }
        let health = "grpc.health.v1.Health/Check"
        let pid = identity.process.pid
        func setOpenFileLimit(_ value: String) async throws {
            let result = try await ProcessRunner.run("/usr/bin/prlimit", arguments: ["--pid", "\(pid)", "--nofile=\(value):"])
            #expect(result.exitCode == 0, "prlimit: \(result.standardError)")
        }
        let connected = try client()
        _ = try await connected.unaryJSON(health, message: [:])

        // No descriptor left: the soft limit is lowered to the lowest free descriptor number (a
        // new descriptor takes the lowest free number, and must be below the limit).
        let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        let softLimit = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max open files") }?
            .split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).first)
        let open = Set(try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").compactMap { Int($0) })
        try await setOpenFileLimit("\((0...).first { !open.contains($0) }!)")

        // The new connection waits in the listen backlog while accepting pauses and retries.
        let waitingClient = try client()
        let waiting = Task { try await waitingClient.unaryJSON(health, message: [:]) }
        func pauses() -> [String] { identity.logs.filter { $0.contains("accepting paused") } }
        // On a loaded machine the connection may take a while to reach the backlog.
        let patience = Date().addingTimeInterval(20)
        while pauses().count < 2 && Date() < patience { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .milliseconds(500))
        // Read from the lines' own times (the pipe may deliver them late and in bursts): pauses are
        // at least 100 ms apart; a busy loop logs them microseconds apart.
        let times = pauses().compactMap(LogLineTime.millisecondOfDay)
        let gaps = zip(times, times.dropFirst()).map { $1 - $0 }
        #expect(times.count >= 2, "accepting is retried: \(identity.logs.suffix(8).joined(separator: "\n"))")
        #expect(gaps.allSatisfy { $0 >= 90 }, "one line per 100 ms pause, not a busy loop: gaps \(gaps.prefix(20)) ms")
        #expect(pauses().first?.contains("Too many open files") == true, "\(pauses().first ?? "")")
        #expect(try await connected.unaryJSON(health, message: [:]).message == ["status": "SERVING"], "open connections keep working")

        try await setOpenFileLimit(String(softLimit))
        #expect(try await waiting.value.message == ["status": "SERVING"])
        connected.close()
        waitingClient.close()
        #expect(await identity.terminate() == 0)
    }
}
