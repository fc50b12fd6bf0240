/// Indented JSON text for people (two spaces per level, members in their order).
package enum PrettyPrinter {
    package static func format(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch value {
        case .array(let elements) where !elements.isEmpty:
            out += "[\n"
            for (i, element) in elements.enumerated() {
                out += pad
                write(element, indent: indent + 1, into: &out)
                out += i + 1 < elements.count ? ",\n" : "\n"
            }
            out += closePad + "]"
        case .object(let object) where !object.isEmpty:
            out += "{\n"
            for (i, (key, member)) in object.members.enumerated() {
                out += pad + JSONValue.string(key).description + ": "
                write(member, indent: indent + 1, into: &out)
                out += i + 1 < object.count ? ",\n" : "\n"
            }
            out += closePad + "}"
        default:
            out += value.description
        }
    }
}
