import BeianJSON
import BeianRPC

/// `beian health ADDR [SERVICE]`: the server's (or one service's) serving status.
enum HealthCommand: ConsoleCommand {
    static let name = "health"
    static let summary = "serving status: beian health ADDR [SERVICE]"
    static let usage = """
        beian health ADDR [SERVICE] --ca FILE [--cert FILE --key FILE] [--timeout SECONDS]

        Prints SERVING or NOT_SERVING for the whole server (or SERVICE, e.g.
        beian.identity.v1.Identity). Exit status 0 when SERVING, 1 when not, else the call's
        status code (14 when the server cannot be reached).
        """

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: ConnectionOptions.names.union(["lang"]), flags: ["json"])
        let output = try Output(arguments)
        let address = try arguments.positional(0, zh: "ADDR（服务地址 host:port）", en: "ADDR (host:port)")
        let service = arguments.positionals.count > 1 ? arguments.positionals[1] : ""
        let client = try ConnectionOptions.client(address: address, arguments)
        do {
            let response = try await client.unaryJSON("grpc.health.v1.Health/Check", message: ["service": .string(service)])
            let status = response.message["status"]?.stringValue ?? "UNKNOWN"
            output.line(output.json ? response.message.description : status)
            return status == "SERVING" ? 0 : 1
        } catch {
            output.show(error)
            return error.code.exitCode
        }
    }
}
