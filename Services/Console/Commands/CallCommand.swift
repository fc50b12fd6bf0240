import BeianJSON
import BeianRPC
import Foundation

/// `beian call ADDR METHOD [-d JSON|@FILE|-]`: calls any method, like grpcurl.
enum CallCommand: ConsoleCommand {
    static let name = "call"
    static let summary = "call any method: beian call ADDR package.Service/Method -d '{...}'"
    static let usage = """
        beian call ADDR METHOD [-d JSON | -d @FILE | -d -] [--stream] [-H key=value]... [--json]
                   --ca FILE [--cert FILE --key FILE] [--timeout SECONDS] [--server-name NAME]

        Sends the request message (default {}) and prints every response message as JSON, then the
        status. -d @FILE reads the message from a file, -d - from standard input. With --stream the
        data is a JSON array (or one JSON object per line) sent as a stream of request messages
        (client-streaming and bidirectional methods). -H adds request metadata.
        Exit status: 0 for OK, else the status code (e.g. 3 INVALID_ARGUMENT, 14 UNAVAILABLE).
        """

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: ConnectionOptions.names.union(["data", "header", "lang"]),
                                      flags: ["stream", "json"], aliases: ["d": "data", "H": "header"])
        let output = try Output(arguments)
        let address = try arguments.positional(0, zh: "ADDR（服务地址 host:port）", en: "ADDR (host:port)")
        let method = try arguments.positional(1, zh: "METHOD（package.Service/Method）", en: "METHOD (package.Service/Method)")
        guard method.contains("/") else {
            throw ConsoleError.usage(zh: "METHOD 应为 package.Service/Method 的形式，而不是“\(method)”",
                                     en: "METHOD must look like package.Service/Method, got \"\(method)\"")
        }
        let messages = try requestMessages(arguments.value("data") ?? "{}", stream: arguments.flag("stream"))
        var metadata: [String: String] = [:]
        for header in arguments.all("header") {
            guard let equals = header.firstIndex(of: "=") else {
                throw ConsoleError.usage(zh: "-H 应为 key=value，而不是“\(header)”", en: "-H must be key=value, got \"\(header)\"")
            }
            metadata[String(header[..<equals])] = String(header[header.index(after: equals)...])
        }
        let client = try ConnectionOptions.client(address: address, arguments)
        do {
            let call: StreamingCall
            if arguments.flag("stream") {
                call = try await client.open(method, options: CallOptions(metadata: metadata))
                for message in messages { try call.send(message) }
                call.end()
            } else {
                call = try await client.open(method, message: messages.first ?? [:], end: true, options: CallOptions(metadata: metadata))
            }
            var received: [JSONValue] = []
            for try await message in call.responses {
                if output.json { received.append(message) } else { output.pretty(message) }
            }
            if output.json {
                let value: JSONValue = ["messages": .array(received), "status": ["code": 0, "name": "OK"]]
                output.line(value.description)
            } else {
                output.error("OK")
            }
            return 0
        } catch let error as RPCError {
            output.show(error)
            return error.code.exitCode
        }
    }

    /// The request message(s) from `-d`: inline JSON, @file, or - for standard input.
    static func requestMessages(_ data: String, stream: Bool) throws(ConsoleError) -> [JSONValue] {
        var text = data
        if data == "-" {
            var input: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if count > 0 { input.append(contentsOf: chunk[0..<count]); continue }
                if count < 0 && errno == EINTR { continue }
                break
            }
            text = String(decoding: input, as: UTF8.self)
        } else if data.hasPrefix("@") {
            let path = String(data.dropFirst())
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw ConsoleError.failure(zh: "无法读取\(path)", en: "cannot read \(path)")
            }
            text = String(decoding: contents, as: UTF8.self)
        }
        if stream {
            if let value = try? JSONParser.parse(Array(text.utf8)), case .array(let items) = value { return items }
            var items: [JSONValue] = []
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                do {
                    items.append(try JSONParser.parse(Array(line.utf8)))
                } catch {
                    throw ConsoleError.failure(zh: "请求流的第\(number + 1)行不是JSON：\(error)",
                                               en: "line \(number + 1) of the stream is not JSON: \(error)")
                }
            }
            return items
        }
        do {
            let value = try JSONParser.parse(Array(text.utf8))
            guard case .object = value else {
                throw ConsoleError.failure(zh: "请求消息应为JSON对象（{...}）", en: "the request message must be a JSON object")
            }
            return [value]
        } catch let error as ConsoleError {
            throw error
        } catch {
            throw ConsoleError.failure(zh: "请求消息不是有效的JSON：\(error)", en: "the request message is not valid JSON: \(error)")
        }
    }
}
