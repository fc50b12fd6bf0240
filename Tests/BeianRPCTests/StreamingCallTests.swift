import BeianJSON
import BeianRPC
import Foundation
import Testing
import TestSupport

@Suite("Streaming calls")
struct StreamingCallTests {
    @Test("server streaming delivers every message in order, then OK")
    func serverStreaming() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let call = try await client.open("beian.echo.v1.Echo/Expand", message: ["text": "商洛", "count": 2000], end: true)
            let messages = try await call.collect()
            #expect(messages.count == 2000)
            #expect(messages.first?["text"] == "商洛")
            #expect(messages.map { $0["index"]?.int64Value ?? -1 } == (0..<2000).map { Int64($0) })
        }
    }

    @Test("client streaming collects every request message")
    func clientStreaming() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let call = try await client.open("beian.echo.v1.Echo/Collect")
            for index in 0..<300 { try call.send(["text": .string("第\(index)条")]) }
            call.end()
            let responses = try await call.collect()
            #expect(responses.count == 1)
            #expect(responses.first?["count"] == 300)
            #expect(responses.first?["texts"]?.arrayValue?.last == "第299条")
        }
    }

    @Test("bidirectional: each answer arrives before the next request is sent")
    func bidirectional() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let call = try await client.open("beian.echo.v1.Echo/Chat")
            var iterator = call.responses.makeAsyncIterator()
            for index in 0..<50 {
                try call.send(["text": .string("ping \(index)")])
                let answer = try await iterator.next()
                #expect(answer?["text"] == .string("ping \(index)"))
                #expect(answer?["index"] == .int(Int64(index)))
            }
            call.end()
            #expect(try await iterator.next() == nil)
        }
    }

    @Test("a bad message inside a client stream ends the call with INVALID_ARGUMENT naming its position")
    func badStreamMessage() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let call = try await client.open("beian.echo.v1.Echo/Collect")
            try call.send(["text": "ok"])
            try call.send(["text": 5])
            call.end()
            let error = try #require(await capturedRPCError { try await call.collect() })
            #expect(error.code == .invalidArgument)
            #expect(error.fieldViolations.first?.field == "messages[1].text")
        }
    }

    @Test("a slow reader of a large stream gets everything (flow control, no unbounded buffering)")
    func flowControl() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let text = String(repeating: "数据", count: 500)
            let call = try await client.open("beian.echo.v1.Echo/Expand", message: ["text": .string(text), "count": 5000], end: true)
            var count = 0
            for try await message in call.responses {
                if count % 1000 == 0 { try await Task.sleep(for: .milliseconds(20)) }
                #expect(message["text"]?.stringValue?.count == text.count)
                count += 1
            }
            #expect(count == 5000)
        }
    }
}
