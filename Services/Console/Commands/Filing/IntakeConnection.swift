import BeianJSON
import BeianRPC
import BeianRuntime
import Foundation
import IntakeService

/// How `beian filing` reaches the intake service: the address (the first positional argument when
/// it looks like `host:port`, else `--addr`, else `BEIAN_INTAKE`), the connection options every
/// command shares, and typed calls of `beian.intake.v1.Intake`.
struct IntakeConnection {
    /// Options every `filing` subcommand accepts besides its own.
    static let options: Set<String> = ConnectionOptions.names.union(["addr", "lang"])

    /// Short and alternative option names (`--address` as `beian verify` spells it).
    static let aliases = ["address": "addr"]

    /// Usage lines shared by every subcommand.
    static let usageTail = """
          ADDR is host:port of the intake service: the first argument, or --addr ADDR (--address), or
          the environment variable BEIAN_INTAKE. Connection: --ca FILE (or BEIAN_CA), --cert FILE --key FILE
          (staff certificate; or BEIAN_CERT/BEIAN_KEY), --timeout SECONDS, --server-name NAME.
          Output: Chinese by default, --lang en for English, --json for the response as JSON.
          Exit status: 0 OK, the status code when the call fails (3 INVALID_ARGUMENT, 9 FAILED_PRECONDITION,
          14 UNAVAILABLE, ...), 2 for wrong usage.
        """

    let client: RPCClient
    /// The positional arguments after ADDR.
    let rest: [String]
    /// The time a streaming call (upload, download, export) may take: `--timeout` when given,
    /// else 10 minutes (unary calls keep the 30 s default).
    let streamTimeout: Duration

    /// The connection named by `arguments` (see the type's comment for where ADDR comes from).
    init(_ arguments: Arguments, environment: Environment = .process) throws(ConsoleError) {
        var positionals = arguments.positionals
        let address: String
        if let first = positionals.first, Self.looksLikeAddress(first) {
            address = first
            positionals.removeFirst()
        } else if let flag = arguments.value("addr") ?? environment.get("BEIAN_INTAKE") {
            address = flag
        } else {
            throw ConsoleError.usage(zh: "缺少 ADDR（受理服务的 host:port）：放在最前面，或用 --addr，或设置 BEIAN_INTAKE",
                                     en: "missing ADDR (host:port of intake): give it first, or --addr, or set BEIAN_INTAKE")
        }
        client = try ConnectionOptions.client(address: address, arguments, environment: environment)
        rest = positionals
        streamTimeout = arguments.value("timeout") == nil ? .seconds(600)
            : .milliseconds(Int64(try ConnectionOptions.timeoutSeconds(arguments) * 1000))
    }

    /// `host:port`, `[v6]:port`: an address rather than a filing id or a file.
    static func looksLikeAddress(_ text: String) -> Bool {
        guard let colon = text.lastIndex(of: ":"), !text.contains("/") else { return false }
        let port = text[text.index(after: colon)...]
        let host = text[..<colon]
        return !host.isEmpty && (1...5).contains(port.count) && port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber)
    }

    /// The positional argument after ADDR at `index`, or a usage error naming it (`zh`, `en`).
    func positional(_ index: Int, zh: String, en: String) throws(ConsoleError) -> String {
        guard index < rest.count else { throw ConsoleError.usage(zh: "缺少 \(zh)", en: "missing \(en)") }
        return rest[index]
    }

    /// Calls `beian.intake.v1.Intake/METHOD`.
    func call<Request: Encodable & Sendable, Response: Decodable & Sendable>(
        _ method: String, _ request: Request, as: Response.Type = Response.self, metadata: [String: String] = [:]
    ) async throws(RPCError) -> Response {
        try await client.unary(IntakeService.name + "/" + method, request: request, as: Response.self,
                               options: CallOptions(metadata: metadata))
    }

    /// `call`, with the trailing metadata of the answer (e.g. `idempotent-replay`).
    func callWithMetadata<Request: Encodable & Sendable, Response: Decodable & Sendable>(
        _ method: String, _ request: Request, as: Response.Type = Response.self, metadata: [String: String] = [:]
    ) async throws(RPCError) -> (response: Response, metadata: [String: String]) {
        let message: EncodedMessage
        do {
            message = try EncodedMessage(request)
        } catch {
            throw RPCError(.invalidArgument, "cannot encode the request: \(error)")
        }
        let answer = try await client.unaryEncoded(IntakeService.name + "/" + method, message: message,
                                                   options: CallOptions(metadata: metadata))
        do {
            return (try JSONCoding.decode(Response.self, from: answer.message), answer.metadata)
        } catch {
            throw RPCError(.internal, "the response does not match the expected shape: \(error)")
        }
    }
}

extension Output {
    /// Prints a response message as JSON (`--json`).
    func json<T: Encodable>(_ value: T) {
        do {
            line(String(decoding: try JSONCoding.encode(value), as: UTF8.self))
        } catch {
            self.error("cannot encode the response: \(error)")
        }
    }
}

extension IntakeConnection {
    /// Runs a call; a failed call is shown (status, message, every field violation in the chosen
    /// language) and its code becomes the exit status.
    static func reporting(_ output: Output, _ body: () async throws(RPCError) -> Void) async -> Int32 {
        do throws(RPCError) {
            try await body()
            return 0
        } catch {
            output.show(error)
            return error.code.exitCode
        }
    }
}
