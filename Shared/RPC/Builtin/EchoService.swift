import BeianJSON

/// `beian.echo.v1.Echo`: diagnostics that exercise every call kind (and the benchmark's load).
enum EchoService {
    static let name = "beian.echo.v1.Echo"

    struct ExpandRequest: Codable, Sendable {
        var text: String
        var count: Int
    }

    struct TextMessage: Codable, Sendable {
        var text: String
        var index: Int?
    }

    struct CollectResponse: Codable, Sendable {
        var texts: [String]
        var count: Int
    }

    struct SleepRequest: Codable, Sendable {
        var milliseconds: Int
    }

    struct SleepResponse: Codable, Sendable {
        var sleptMilliseconds: Int
    }

    static func make() -> RPCService {
        RPCService(name: name, summary: "Echoes messages back; for diagnostics and benchmarks.", methods: [
            .unary(name, "Echo", summary: "Returns the request message unchanged.",
                   request: JSONValue.self, response: JSONValue.self) { request, _ in request },
            .serverStreaming(name, "Expand", summary: "Sends `count` messages carrying `text` (at most 100,000).",
                             request: ExpandRequest.self, response: TextMessage.self) { request, writer, _ in
                guard (0...100_000).contains(request.count) else {
                    throw RPCError.invalidArgument("count out of range", violations: [
                        RPCError.FieldViolation(field: "count", rule: "range", zh: "数量必须在 0 到 100000 之间", en: "must be between 0 and 100000")])
                }
                for index in 0..<request.count {
                    try await writer.send(TextMessage(text: request.text, index: index))
                }
            },
            .clientStreaming(name, "Collect", summary: "Collects the texts of every request message.",
                             request: TextMessage.self, response: CollectResponse.self) { requests, _ in
                var texts: [String] = []
                for try await message in requests { texts.append(message.text) }
                return CollectResponse(texts: texts, count: texts.count)
            },
            .bidirectional(name, "Chat", summary: "Answers each request message with the same text, as it arrives.",
                           request: TextMessage.self, response: TextMessage.self) { requests, writer, _ in
                var index = 0
                for try await message in requests {
                    try await writer.send(TextMessage(text: message.text, index: index))
                    index += 1
                }
            },
            .unary(name, "Sleep", summary: "Waits `milliseconds` (at most 60,000), then answers; stops early if cancelled.",
                   request: SleepRequest.self, response: SleepResponse.self) { request, _ in
                guard (0...60_000).contains(request.milliseconds) else {
                    throw RPCError.invalidArgument("milliseconds out of range", violations: [
                        RPCError.FieldViolation(field: "milliseconds", rule: "range", zh: "毫秒数必须在 0 到 60000 之间", en: "must be between 0 and 60000")])
                }
                try await Task.sleep(for: .milliseconds(request.milliseconds))
                return SleepResponse(sleptMilliseconds: request.milliseconds)
            },
        ])
    }
}
