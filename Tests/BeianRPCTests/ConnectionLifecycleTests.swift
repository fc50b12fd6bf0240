import BeianJSON
import BeianRPC
import Foundation
import Testing
import TestSupport

@Suite("Connection lifecycle: timeouts, drain, reconnect")
struct ConnectionLifecycleTests {
    @Test("a client that connects and says nothing is dropped after the handshake timeout")
    func silentClient() async throws {
        try await withTestServer(configure: { $0.handshakeTimeout = .milliseconds(300) }) { server in
            let descriptor = try RawTLSClient.plainSocket(port: server.address.port)
            defer { close(descriptor) }
            let closed = await Task.detached {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 5000) > 0 else { return false }
                var byte: UInt8 = 0
                return read(descriptor, &byte, 1) == 0
            }.value
            #expect(closed)
            #expect(server.logs.lines.contains { $0.contains("TLS handshake timed out") })
        }
    }

    @Test("the idle timeout closes a connection without calls, with a goaway, pings and half-sent frames notwithstanding")
    func idleTimeout() async throws {
        try await withTestServer(configure: { $0.idleTimeout = .seconds(4) }) { server in
            // Measured from before the connection exists: the server's idle clock starts at
            // accept, and a loaded machine may take seconds to finish the handshake.
            let started = Date()
            let client = try await RawTLSClient(port: server.address.port, tls: TestCertificates.shared.clientConfiguration(identity: TestCertificates.shared.client))
            _ = try await client.nextFrame()  // hello
            // A ping and half a frame, sent at once: neither counts as a call.
            let pingSentAfter = Date().timeIntervalSince(started)
            try await client.sendRaw(FrameEncoder.frame(Array(#"{"ping":1}"#.utf8)) + [0, 0, 0, 50, 0x7B])
            let (frames, closed) = try await client.framesUntilClose(timeout: 30)
            // The ping is answered when it reaches the server well before the timeout (a starved
            // machine can take seconds for the handshake, and then the goaway may come first).
            if pingSentAfter < 2 { #expect(frames.first == ["pong": 1], "ping sent after \(pingSentAfter) s") }
            #expect(closed)
            #expect(frames.last?["goaway"]?["reason"] == "idle timeout")
            #expect(Date().timeIntervalSince(started) >= 3.9)  // not closed before the 4 s idle timeout
            #expect(Date().timeIntervalSince(started) < 29)
        }
    }

    @Test("calls keep a connection open; after the last one ends it closes one idle timeout later")
    func idleAfterCalls() async throws {
        try await withTestServer(configure: { $0.idleTimeout = .seconds(4) }) { server in
            let client = try await RawTLSClient(port: server.address.port, tls: TestCertificates.shared.clientConfiguration(identity: TestCertificates.shared.client))
            _ = try await client.nextFrame()  // hello
            // Twenty calls 0.25 s apart: 5 s of use, longer than the 4 s idle timeout.
            var answered = 0
            for id in 1...20 {
                guard (try? await client.sendFrame(#"{"call":\#(id),"method":"beian.echo.v1.Echo/Echo","message":{"n":\#(id)},"end":true}"#)) != nil,
                      try await client.frames(ofCall: Int64(id)).first?["message"] == ["n": .int(Int64(id))] else { break }
                answered += 1
                if id < 20 { try await Task.sleep(for: .milliseconds(250)) }
            }
            let lastEnded = Date()
            let (frames, closed) = answered == 20 ? try await client.framesUntilClose(timeout: 30) : ([], true)
            let after = Date().timeIntervalSince(lastEnded)

            // Read from the server's own log times: when it closed the connection, its last call had
            // ended at least the idle timeout before (whenever this test process got to run).
            let lines = server.logs.lines
            let close = try #require(lines.firstIndex { $0.contains("closing idle connection") }, "closed for idleness")
            let lastCall = try #require(lines[..<close].last { $0.contains("call finished") })
            let quiet = try #require(LogLineTime.millisecondOfDay(lines[close])) - (try #require(LogLineTime.millisecondOfDay(lastCall)))
            #expect(quiet >= 3_990, "closed \(quiet) ms after its last call ended")
            #expect(lines.filter { $0.contains("closing idle connection") }.count == 1)

            // A test process starved for seconds cannot keep its calls 0.25 s apart; the check
            // above holds anyway. When it could, the connection took all 20 calls and closed once.
            #expect(answered >= 1)
            if answered == 20 {
                #expect(closed)
                #expect(frames.last?["goaway"]?["reason"] == "idle timeout")
                #expect(after >= 2.5, "closed \(after) s after the last call, before the idle timeout")
                #expect(after < 20, "closed \(after) s after the last call")
            }
        }
    }

    @Test("an open Watch is a call: the connection is not idle while it lasts")
    func watchKeepsConnection() async throws {
        try await withTestServer(configure: { $0.idleTimeout = .seconds(4) }) { server in
            let client = try server.client()
            let watch = try await client.open("grpc.health.v1.Health/Watch", message: ["service": ""], end: true)
            var iterator = watch.responses.makeAsyncIterator()
            #expect(try await iterator.next() == ["status": "SERVING"])
            try await Task.sleep(for: .seconds(7))
            #expect(server.server.connectionCount == 1)
            watch.cancel()
        }
    }

    @Test("graceful drain: calls in flight finish, new calls get UNAVAILABLE, health turns NOT_SERVING, run() returns")
    func gracefulDrain() async throws {
        let probe = ProbeService()
        let server = try await TestServer.start(services: [probe.service])
        let client = try server.client()
        let watch = try await client.open("grpc.health.v1.Health/Watch", message: ["service": ""], end: true)
        var updates = watch.responses.makeAsyncIterator()
        #expect(try await updates.next() == ["status": "SERVING"])
        let inFlight = Task {
            try await client.unary("test.v1.Probe/Wait", request: ProbeService.WaitRequest(tag: "drain", milliseconds: 700),
                                   as: ProbeService.WaitResponse.self)
        }
        #expect(await probe.wait(for: "started", of: "drain"))
        server.server.beginGracefulShutdown()
        #expect(try await updates.next() == ["status": "NOT_SERVING"])
        let late = try #require(await capturedRPCError { try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:]) })
        #expect(late.code == .unavailable)
        let answer = try await inFlight.value
        #expect(answer.tag == "drain")
        await server.stop()
        #expect(server.server.connectionCount == 0)
        #expect(server.logs.lines.contains { $0.contains("graceful shutdown") })
    }

    @Test("calls still running when the grace period ends are cancelled with UNAVAILABLE")
    func gracePeriodEnds() async throws {
        let probe = ProbeService()
        let server = try await TestServer.start(services: [probe.service], configure: { $0.shutdownGracePeriod = .milliseconds(300) })
        let client = try server.client()
        let stuck = Task { try await client.unaryJSON("test.v1.Probe/Wait", message: ["tag": "stuck"]) }
        #expect(await probe.wait(for: "started", of: "stuck"))
        await server.stop()
        let error = try #require(await capturedRPCError { try await stuck.value })
        #expect(error.code == .unavailable)
        #expect(await probe.wait(for: "cancelled", of: "stuck"))
    }

    @Test("with no server the client fails fast with UNAVAILABLE, then reconnects with backoff once one appears")
    func reconnectWithBackoff() async throws {
        let first = try await TestServer.start()
        let port = first.address.port
        let client = try first.client { $0.initialBackoff = .milliseconds(50); $0.maximumBackoff = .milliseconds(200) }
        _ = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:])
        await first.stop()
        let down = try #require(await capturedRPCError { try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:]) })
        #expect(down.code == .unavailable)
        let second = try await TestServer.start(configure: { $0.port = port })
        var answered = false
        for _ in 0..<50 where !answered {
            if (try? await client.unaryJSON("beian.echo.v1.Echo/Echo", message: ["back": true])) != nil { answered = true }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(answered)
        await second.stop()
    }

    @Test("every call is logged as one JSON line with call id, method, peer, status and duration")
    func callLogs() async throws {
        try await withTestServer { server in
            let client = try server.client()
            _ = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:])
            try await Task.sleep(for: .milliseconds(50))
            let line = try #require(server.logs.lines.first { $0.contains("call finished") })
            let record = try JSONParser.parse(Array(line.utf8))
            #expect(record["method"] == "beian.echo.v1.Echo/Echo")
            #expect(record["status"] == "OK")
            #expect(record["call_id"] == 1)
            #expect(record["peer"]?.stringValue?.contains("测试员") == true)
            #expect(record["duration_ms"]?.doubleValue != nil)
        }
    }
}

@Suite("Keepalive")
struct KeepaliveTests {
    @Test("the server pings a connection with calls in flight and closes it when no pong comes")
    func unansweredPings() async throws {
        try await withTestServer(configure: {
            $0.keepaliveInterval = .milliseconds(200)
            $0.keepaliveTimeout = .milliseconds(300)
        }) { server in
            let client = try await RawTLSClient(port: server.address.port,
                                                tls: TestCertificates.shared.clientConfiguration(identity: TestCertificates.shared.client))
            _ = try await client.nextFrame()  // hello
            try await client.sendFrame(#"{"call":1,"method":"beian.echo.v1.Echo/Sleep","message":{"milliseconds":60000},"end":true}"#)
            // The raw client never answers: the server's ping goes unanswered.
            let (frames, closed) = try await client.framesUntilClose(timeout: 15)
            #expect(frames.contains { $0["ping"] != nil })
            #expect(closed)
            try await Task.sleep(for: .milliseconds(100))
            #expect(server.logs.lines.contains { $0.contains("keepalive: no pong") })
        }
    }

    @Test("a client that answers pings keeps its long call alive")
    func answeredPings() async throws {
        try await withTestServer(configure: {
            $0.keepaliveInterval = .milliseconds(200)
            $0.keepaliveTimeout = .seconds(2)
        }) { server in
            let client = try server.client()
            let response = try await client.unaryJSON("beian.echo.v1.Echo/Sleep", message: ["milliseconds": 1500])
            #expect(response.message == ["slept_milliseconds": 1500])
            #expect(!server.logs.lines.contains { $0.contains("keepalive: no pong") })
        }
    }
}
