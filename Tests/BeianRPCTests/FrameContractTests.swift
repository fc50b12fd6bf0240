import BeianJSON
import BeianRPC
import Foundation
import Testing
import TestSupport

/// The wire contract from PROTOCOL.md, checked byte by byte with a raw client.
@Suite("Wire contract")
struct FrameContractTests {
    private func rawClient(_ server: TestServer) async throws -> RawTLSClient {
        let client = try await RawTLSClient(port: server.address.port,
                                            tls: TestCertificates.shared.clientConfiguration(identity: TestCertificates.shared.client))
        let hello = try #require(try await client.nextFrame())
        #expect(hello["hello"]?["protocol"] == 1)
        #expect(hello["hello"]?["max_frame"] == .int(4 << 20))
        #expect(hello["hello"]?["max_concurrent_calls"] == 1024)
        return client
    }

    @Test("a unary call is one frame; the answer is a message then a status with metadata")
    func unaryShape() async throws {
        try await withTestServer { server in
            let client = try await rawClient(server)
            try await client.sendFrame(#"{"call":7,"method":"beian.echo.v1.Echo/Echo","metadata":{},"timeout_ms":5000,"message":{"a":"中"},"end":true}"#)
            let frames = try await client.frames(ofCall: 7)
            #expect(frames.count == 2)
            #expect(frames[0] == ["call": 7, "message": ["a": "中"]])
            #expect(frames[1] == ["call": 7, "status": ["code": 0, "name": "OK", "message": "", "details": []], "metadata": [:]])
        }
    }

    @Test("ping is answered with pong carrying the same number")
    func ping() async throws {
        try await withTestServer { server in
            let client = try await rawClient(server)
            try await client.sendFrame(#"{"ping":42}"#)
            #expect(try await client.nextFrame() == ["pong": 42])
        }
    }

    @Test("frames that name no usable call id get a goaway with the reason, then a close", arguments: [
        ("not json", "not valid JSON"),
        ("[1,2]", "must be a JSON object"),
        ("\"text\"", "must be a JSON object"),
        ("{\"hello\":1}", "\"hello\" must be an object"),
        ("{}", "none of"),
        ("{\"call\":-1,\"method\":\"x\"}", "\"call\" must be a whole number"),
        ("{\"call\":\"7\",\"method\":\"x\"}", "\"call\" must be a whole number"),
        ("{\"call\":9007199254740992,\"method\":\"x\"}", "\"call\" must be a whole number"),
        ("{\"ping\":NaN}", "not valid JSON"),
        ("{\"call\":1,\"call\":2}", "duplicate key"),
        ("{\"a\":1e999}", "out of range"),
        ("\(String(repeating: "[", count: 5000))", "nesting deeper"),
    ])
    func goaway(payload: String, reason: String) async throws {
        try await withTestServer { server in
            let client = try await rawClient(server)
            try await client.sendFrame(payload)
            let (frames, closed) = try await client.framesUntilClose()
            let goaway = try #require(frames.last?["goaway"])
            #expect(goaway["reason"]?.stringValue?.contains(reason) == true, "\(goaway)")
            #expect(closed)
            // The server is unharmed: a new connection works.
            let healthy = try server.client()
            _ = try await healthy.unaryJSON("beian.echo.v1.Echo/Echo", message: [:])
        }
    }

    @Test("invalid UTF-8 inside a frame gets a goaway, not a crash")
    func invalidUTF8() async throws {
        try await withTestServer { server in
            let client = try await rawClient(server)
            try await client.sendRaw(FrameEncoder.frame([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]))  // {"\xFF\xFE":1}
            let (frames, closed) = try await client.framesUntilClose()
            #expect(frames.last?["goaway"]?["reason"]?.stringValue?.contains("UTF-8") == true)
            #expect(closed)
        }
    }

    @Test("frames breaking the contract for a usable call id end that call only", arguments: [
        (#"{"call":3,"method":"","end":true}"#, "\"method\" must be a non-empty string"),
        (#"{"call":3,"method":"beian.echo.v1.Echo/Echo","message":[1],"end":true}"#, "\"message\" must be a JSON object"),
        (#"{"call":3,"method":"beian.echo.v1.Echo/Echo","metadata":{"k":1},"end":true}"#, "metadata \"k\" must be a string"),
        (#"{"call":3,"method":"beian.echo.v1.Echo/Echo","timeout_ms":-5,"end":true}"#, "\"timeout_ms\""),
        (#"{"call":3,"method":"beian.echo.v1.Echo/Echo","end":"yes"}"#, "\"end\" must be true or false"),
        (#"{"call":3,"message":{}}"#, "is not open"),
        (#"{"call":3,"method":"beian.echo.v1.Echo/Echo","end":true}"#, "request message is missing"),
    ])
    func callErrors(payload: String, reason: String) async throws {
        try await withTestServer { server in
            let client = try await rawClient(server)
            try await client.sendFrame(payload)
            let frames = try await client.frames(ofCall: 3)
            let status = try #require(frames.last?["status"])
            #expect(status["name"] == "INVALID_ARGUMENT")
            #expect(status["message"]?.stringValue?.contains(reason) == true, "\(status)")
            #expect(frames.last?["metadata"] == [:])
            // The connection stays usable.
            try await client.sendFrame(#"{"call":4,"method":"beian.echo.v1.Echo/Echo","message":{"x":1},"end":true}"#)
            #expect(try await client.frames(ofCall: 4).last?["status"]?["name"] == "OK")
        }
    }

    @Test("two messages to a unary method is INVALID_ARGUMENT")
    func twoMessagesUnary() async throws {
        try await withTestServer { server in
            let client = try await rawClient(server)
            try await client.sendFrame(#"{"call":5,"method":"beian.echo.v1.Echo/Echo","message":{"a":1}}"#)
            try await client.sendFrame(#"{"call":5,"message":{"a":2},"end":true}"#)
            let frames = try await client.frames(ofCall: 5)
            #expect(frames.last?["status"]?["name"] == "INVALID_ARGUMENT")
            #expect(frames.last?["status"]?["message"]?.stringValue?.contains("more than one") == true)
        }
    }

    @Test("timeout_ms 0 is already expired: DEADLINE_EXCEEDED")
    func zeroTimeout() async throws {
        try await withTestServer { server in
            let client = try await rawClient(server)
            try await client.sendFrame(#"{"call":6,"method":"beian.echo.v1.Echo/Echo","timeout_ms":0,"message":{},"end":true}"#)
            #expect(try await client.frames(ofCall: 6).last?["status"]?["name"] == "DEADLINE_EXCEEDED")
        }
    }

    @Test("opening a call with an id already in flight ends that call with INVALID_ARGUMENT")
    func duplicateID() async throws {
        try await withTestServer { server in
            let client = try await rawClient(server)
            try await client.sendFrame(#"{"call":8,"method":"beian.echo.v1.Echo/Sleep","message":{"milliseconds":3000},"end":true}"#)
            try await client.sendFrame(#"{"call":8,"method":"beian.echo.v1.Echo/Echo","message":{},"end":true}"#)
            let frames = try await client.frames(ofCall: 8)
            #expect(frames.last?["status"]?["message"]?.stringValue?.contains("already in use") == true)
        }
    }

    @Test("an oversize frame is refused from its header: goaway RESOURCE_EXHAUSTED naming the limit, then close")
    func oversizeFrame() async throws {
        try await withTestServer(configure: { $0.maximumFrameLength = 1024 }) { server in
            let client = try await RawTLSClient(port: server.address.port,
                                                tls: TestCertificates.shared.clientConfiguration(identity: TestCertificates.shared.client))
            _ = try await client.nextFrame()  // hello
            // Only the header: the server must not wait for (or allocate) 2 GB.
            try await client.sendRaw([0x7F, 0xFF, 0xFF, 0xFF])
            let (frames, closed) = try await client.framesUntilClose()
            let reason = try #require(frames.last?["goaway"]?["reason"]?.stringValue)
            #expect(reason.contains("RESOURCE_EXHAUSTED"))
            #expect(reason.contains("1024"))
            #expect(closed)
        }
    }

    @Test("a truncated frame followed by a close leaves the server healthy")
    func truncatedFrame() async throws {
        try await withTestServer { server in
            do {
                let client = try await rawClient(server)
                var frame = FrameEncoder.frame(Array(#"{"call":1,"method":"beian.echo.v1.Echo/Echo","message":{},"end":true}"#.utf8))
                frame.removeLast(10)
                try await client.sendRaw(frame)
            }  // dropped: the socket closes with half a frame sent
            try await Task.sleep(for: .milliseconds(100))
            let healthy = try server.client()
            _ = try await healthy.unaryJSON("beian.echo.v1.Echo/Echo", message: [:])
        }
    }

    @Test("replies are strict JSON even when the handler produced NaN: INTERNAL, nothing non-finite on the wire")
    func strictReplies() async throws {
        let probe = ProbeService()
        try await withTestServer(services: [probe.service]) { server in
            let client = try await rawClient(server)
            try await client.sendFrame(#"{"call":9,"method":"test.v1.Probe/Fail","message":{"tag":"nan"},"end":true}"#)
            let frames = try await client.frames(ofCall: 9)
            #expect(frames.count == 1)
            #expect(frames.last?["status"]?["name"] == "INTERNAL")
        }
    }
}
