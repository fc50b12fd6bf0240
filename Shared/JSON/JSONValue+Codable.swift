/// `JSONValue` is itself `Codable`, so messages can carry free-form JSON (metadata, details).
/// Our coders embed it directly; other coders go through this conformance.
extension JSONValue: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int64.self) {
            self = .int(i)
        } else if let d = try? container.decode(Double.self) {
            self = .double(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else {
            let members = try container.decode([String: JSONValue].self)
            var object = JSONObject(minimumCapacity: members.count)
            for key in members.keys.sorted() { object[key] = members[key] }
            self = .object(object)
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o):
            var members: [String: JSONValue] = [:]
            for (key, value) in o.members { members[key] = value }
            try container.encode(members)
        }
    }
}
