import BeianJSON
import BeianRPC

/// `beian describe ADDR [SERVICE]`: the server's services, or one service's methods and messages.
enum DescribeCommand: ConsoleCommand {
    static let name = "describe"
    static let summary = "list services, or describe one: beian describe ADDR [SERVICE]"
    static let usage = """
        beian describe ADDR [SERVICE] --ca FILE [--cert FILE --key FILE] [--json]

        Without SERVICE: every service the server answers. With SERVICE: its methods, their kinds
        and the fields of their request and response messages.
        """

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: ConnectionOptions.names.union(["lang"]), flags: ["json"])
        let output = try Output(arguments)
        let address = try arguments.positional(0, zh: "ADDR（服务地址 host:port）", en: "ADDR (host:port)")
        let client = try ConnectionOptions.client(address: address, arguments)
        do {
            if arguments.positionals.count < 2 {
                let list = try await client.unaryJSON("beian.reflection.v1.Reflection/ListServices", message: [:]).message
                if output.json { output.line(list.description); return 0 }
                for service in list["services"]?.arrayValue ?? [] {
                    output.line("\(service["name"]?.stringValue ?? "")  \(service["summary"]?.stringValue ?? "")")
                }
                return 0
            }
            let name = arguments.positionals[1]
            let description = try await client.unaryJSON("beian.reflection.v1.Reflection/DescribeService", message: ["service": .string(name)]).message
            if output.json { output.line(description.description); return 0 }
            output.line("\(description["name"]?.stringValue ?? name): \(description["summary"]?.stringValue ?? "")")
            for method in description["methods"]?.arrayValue ?? [] {
                output.line("")
                output.line("  \(method["name"]?.stringValue ?? "") (\(method["kind"]?.stringValue ?? ""))  \(method["summary"]?.stringValue ?? "")")
                output.line("    request:  \(shapeText(method["request"] ?? .null, indent: 14))")
                output.line("    response: \(shapeText(method["response"] ?? .null, indent: 14))")
            }
            return 0
        } catch {
            output.show(error)
            return error.code.exitCode
        }
    }

    /// A message shape as indented text: `{ name: string, count?: integer, items: [ {...} ] }`.
    static func shapeText(_ shape: JSONValue, indent: Int) -> String {
        let type = shape["type"]?.stringValue ?? "any"
        switch type {
        case "object":
            if let values = shape["values"] { return "{ string: \(shapeText(values, indent: indent + 2)) }" }
            let fields = shape["fields"]?.arrayValue ?? []
            if fields.isEmpty { return "{}" }
            let pad = String(repeating: " ", count: indent + 2)
            let lines = fields.map { field -> String in
                let optional = field["required"]?.boolValue == false ? "?" : ""
                return "\(pad)\(field["name"]?.stringValue ?? "")\(optional): \(shapeText(field, indent: indent + 2))"
            }
            return "{\n" + lines.joined(separator: "\n") + "\n" + String(repeating: " ", count: indent) + "}"
        case "array":
            return "[" + shapeText(shape["items"] ?? .null, indent: indent) + "]"
        default:
            if let values = shape["enum"]?.arrayValue {
                return values.compactMap(\.stringValue).joined(separator: " | ")
            }
            return type
        }
    }
}
