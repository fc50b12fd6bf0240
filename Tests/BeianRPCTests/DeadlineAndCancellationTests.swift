import BeianJSON
import BeianRPC
import Foundation
import Testing
import TestSupport

@Suite("Deadlines and cancellation")
struct DeadlineAndCancellationTests {
    @Test("a passed deadline ends the call with DEADLINE_EXCEEDED and cancels the handler")
    func deadlineCancelsHandler() async throws {
        let probe = ProbeService()
        try await withTestServer(services: [probe.service]) { server in
            let client = try server.client()
            _ = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:])  // connected: the deadline covers the call only
            let started = Date()
            let error = try #require(await capturedRPCError {
                try await client.unaryJSON("test.v1.Probe/Wait", message: ["tag": "deadline"], options: CallOptions(timeout: .seconds(1)))
            })
            #expect(error.code == .deadlineExceeded)
            // The handler never answers: without the deadline the call would hang. The bound is loose
            // because the full suite on 2 shared cores has delayed this 1 s deadline by several seconds.
            #expect(Date().timeIntervalSince(started) < 20)
            #expect(await probe.wait(for: "cancelled", of: "deadline"))
            #expect(!probe.events(of: "deadline").contains("finished"))
        }
    }

    @Test("cancelling the caller's task cancels the call on the server")
    func clientCancel() async throws {
        let probe = ProbeService()
        try await withTestServer(services: [probe.service]) { server in
            let client = try server.client()
            let task = Task { try await client.unaryJSON("test.v1.Probe/Wait", message: ["tag": "cancel"]) }
            #expect(await probe.wait(for: "started", of: "cancel"))
            task.cancel()
            let error = try #require(await capturedRPCError { try await task.value })
            #expect(error.code == .cancelled)
            #expect(await probe.wait(for: "cancelled", of: "cancel"))
        }
    }

    @Test("a handler sees the remaining time; calls it makes inherit the remaining deadline")
    func deadlinePropagation() async throws {
        let probe = ProbeService()
        try await withTestServer(services: [probe.service]) { downstream in
            let downstreamClient = try downstream.client()
            // An upstream service whose handlers call the downstream server without passing a timeout.
            struct Relay: Codable, Sendable { var tag: String }
            let relay = RPCService(name: "test.v1.Relay", summary: "", methods: [
                .unary("test.v1.Relay", "Relay", request: Relay.self, response: ProbeService.WaitResponse.self) { request, _ in
                    try await downstreamClient.unary("test.v1.Probe/Wait", request: ProbeService.WaitRequest(tag: request.tag),
                                                     as: ProbeService.WaitResponse.self)
                },
                .unary("test.v1.Relay", "Ask", request: Relay.self, response: ProbeService.WaitResponse.self) { request, _ in
                    try await downstreamClient.unary("test.v1.Probe/Whoami", request: ProbeService.WaitRequest(tag: request.tag),
                                                     as: ProbeService.WaitResponse.self)
                },
            ])
            _ = try await downstreamClient.unaryJSON("beian.echo.v1.Echo/Echo", message: [:])
            try await withTestServer(services: [relay]) { upstream in
                let client = try upstream.client()
                _ = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:])
                // The downstream handler sees a deadline it was never given explicitly: inherited.
                let asked = try await client.unary("test.v1.Relay/Ask", request: Relay(tag: "ask"), as: ProbeService.WaitResponse.self,
                                                   options: CallOptions(timeout: .seconds(30)))
                let inherited = try #require(asked.remainingMilliseconds)
                #expect(inherited > 0 && inherited <= 30_000)
                // When the upstream deadline passes, the downstream handler is cancelled too.
                let error = try #require(await capturedRPCError {
                    try await client.unary("test.v1.Relay/Relay", request: Relay(tag: "hop"), as: ProbeService.WaitResponse.self,
                                           options: CallOptions(timeout: .seconds(3)))
                })
                #expect(error.code == .deadlineExceeded)
                #expect(await probe.wait(for: "started", of: "hop"))
                #expect(await probe.wait(for: "cancelled", of: "hop"))
            }
            let whoami = try await downstreamClient.unary("test.v1.Probe/Whoami", request: ProbeService.WaitRequest(tag: "t"),
                                                          as: ProbeService.WaitResponse.self, options: CallOptions(timeout: .seconds(30)))
            let remaining = try #require(whoami.remainingMilliseconds)
            #expect(remaining > 25_000 && remaining <= 30_000)
            let unbounded = try await downstreamClient.unary("test.v1.Probe/Whoami", request: ProbeService.WaitRequest(tag: "u"),
                                                             as: ProbeService.WaitResponse.self)
            #expect(unbounded.remainingMilliseconds == nil)
        }
    }

    @Test("a handler's status details reach the client: every field violation, bilingual")
    func fieldViolations() async throws {
        let probe = ProbeService()
        try await withTestServer(services: [probe.service]) { server in
            let client = try server.client()
            let error = try #require(await capturedRPCError { try await client.unaryJSON("test.v1.Probe/Fail", message: ["tag": "invalid"]) })
            #expect(error.code == .invalidArgument)
            #expect(error.fieldViolations.map(\.field) == ["a", "b.c"])
            #expect(error.fieldViolations[1].descriptionZh == "手机号格式不正确")
            #expect(error.fieldViolations[1].description == "手机号格式不正确 / not a mobile number")
            #expect(error.fieldViolations[1].rule == "mobile_format")
        }
    }

    @Test("an unexpected handler error is INTERNAL with a generic message; details only in the log")
    func internalErrorsDoNotLeak() async throws {
        let probe = ProbeService()
        try await withTestServer(services: [probe.service]) { server in
            let client = try server.client()
            let error = try #require(await capturedRPCError { try await client.unaryJSON("test.v1.Probe/Fail", message: ["tag": "secret"]) })
            #expect(error.code == .internal)
            #expect(error.message == "internal error")
            #expect(server.logs.lines.contains { $0.contains("handler failed") && $0.contains("Secret") })
        }
    }

    @Test("a request that does not match the message shape is INVALID_ARGUMENT naming the field")
    func badRequestShape() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let error = try #require(await capturedRPCError { try await client.unaryJSON("beian.echo.v1.Echo/Sleep", message: ["milliseconds": "soon"]) })
            #expect(error.code == .invalidArgument)
            #expect(error.fieldViolations.first?.field == "milliseconds")
            #expect(error.fieldViolations.first?.rule == "type_mismatch")
        }
    }
}

@Suite("Deadlines while connecting")
struct ConnectDeadlineTests {
    @Test("a call's deadline ends it while the TLS handshake hangs, not the longer connect timeout; the caller's cancel too")
    func deadlineWhileConnecting() async throws {
        let listener = try SilentListener()
        var configuration = ClientConfiguration(
            host: "127.0.0.1", port: listener.port,
            tls: TestCertificates.shared.clientConfiguration(identity: TestCertificates.shared.client, serverName: "127.0.0.1"))
        configuration.connectTimeout = .seconds(60)
        let client = try RPCClient(configuration: configuration)
        defer { client.close() }

        let started = Date()
        let error = try #require(await capturedRPCError {
            try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:], options: CallOptions(timeout: .seconds(1)))
        })
        #expect(error.code == .deadlineExceeded, "\(error)")
        #expect(error.message.contains("while connecting"), "\(error.message)")
        // Far below the 60 s connect timeout; loose because the full suite on 2 shared cores delays timers.
        #expect(Date().timeIntervalSince(started) < 30)

        let waiting = Task { try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:]) }
        try await Task.sleep(for: .milliseconds(200))
        let cancelStarted = Date()
        waiting.cancel()
        let cancelled = try #require(await capturedRPCError { try await waiting.value })
        #expect(cancelled.code == .cancelled, "\(cancelled)")
        #expect(Date().timeIntervalSince(cancelStarted) < 30)
    }
}

/// A loopback port that accepts TCP connections (the kernel's backlog) and never says anything.
private final class SilentListener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 8) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, bound else {
            if descriptor >= 0 { close(descriptor) }
            throw RPCError(.internal, "silent listener: \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
