import BeianJSON
import FoundationEssentials

/// Enumerations whose cases reflection should list (conform your `String` raw-value enums).
package protocol ReflectableEnum: CaseIterable, RawRepresentable where RawValue == String {}

/// Derives the shape of a `Decodable` message type for reflection, without an instance: it runs
/// the type's `init(from:)` against a recording decoder that answers every request with a
/// placeholder and notes the field's name, type and whether it is optional.
///
/// The result is JSON like `{"type": "object", "fields": [{"name": "account_name", "type":
/// "string", "required": true}, {"name": "platform", "type": "string", "enum": ["douyin", ...]},
/// {"name": "tags", "type": "array", "items": {"type": "string"}}]}`. A type whose decoding
/// logic rejects placeholders is described as far as it got.
package enum ShapeRecorder {
    package static func shape<T: Decodable>(of type: T.Type) -> JSONValue {
        let root = ShapeNode()
        _ = try? ShapeNode.record(T.self, into: root, depth: 0)
        return root.json
    }
}

final class ShapeNode {
    enum Kind {
        case unknown
        case scalar(String)
        case enumeration([String])
        case object([(name: String, node: ShapeNode, required: Bool)])
        case array(ShapeNode)
        case map(ShapeNode)
    }

    var kind: Kind = .unknown
    static let maximumDepth = 12

    var json: JSONValue {
        switch kind {
        case .unknown: return ["type": "any"]
        case .scalar(let name): return ["type": .string(name)]
        case .enumeration(let values): return ["type": "string", "enum": .array(values.map { .string($0) })]
        case .array(let items): return ["type": "array", "items": items.json]
        case .map(let values): return ["type": "object", "values": values.json]
        case .object(let fields):
            return ["type": "object", "fields": .array(fields.map { field in
                var entry = field.node.json.objectValue ?? JSONObject()
                entry["name"] = .string(field.name)
                entry["required"] = .bool(field.required)
                return .object(entry)
            })]
        }
    }

    func addField(_ name: String, required: Bool) -> ShapeNode {
        let child = ShapeNode()
        if case .object(var fields) = kind {
            if let existing = fields.first(where: { $0.name == name }) { return existing.node }
            fields.append((name, child, required))
            kind = .object(fields)
        } else {
            kind = .object([(name, child, required)])
        }
        return child
    }

    static func record<T: Decodable>(_ type: T.Type, into node: ShapeNode, depth: Int) throws -> T {
        if let value = placeholder(T.self, node) { return value }
        if let enumType = T.self as? any ReflectableEnum.Type {
            let (values, first) = enumCases(enumType)
            node.kind = .enumeration(values)
            if let first = first as? T { return first }
        }
        if let mapType = T.self as? any RecordableStringDictionary.Type {
            let child = ShapeNode()
            node.kind = .map(child)
            try mapType.recordValues(into: child, depth: depth + 1)
            return mapType.empty as! T
        }
        guard depth < maximumDepth else {
            node.kind = .scalar("recursive")
            throw StopRecording()
        }
        return try T(from: RecordingDecoder(node: node, depth: depth))
    }

    private static func enumCases<E: ReflectableEnum>(_ type: E.Type) -> ([String], Any?) {
        (E.allCases.map(\.rawValue), E.allCases.first)
    }

    private static func placeholder<T>(_ type: T.Type, _ node: ShapeNode) -> T? {
        switch type {
        case is String.Type: node.kind = .scalar("string"); return "" as? T
        case is Int.Type: node.kind = .scalar("integer"); return 0 as? T
        case is Int64.Type: node.kind = .scalar("integer"); return Int64(0) as? T
        case is Int32.Type: node.kind = .scalar("integer"); return Int32(0) as? T
        case is UInt.Type: node.kind = .scalar("integer"); return UInt(0) as? T
        case is UInt64.Type: node.kind = .scalar("integer"); return UInt64(0) as? T
        case is UInt32.Type: node.kind = .scalar("integer"); return UInt32(0) as? T
        case is UInt16.Type: node.kind = .scalar("integer"); return UInt16(0) as? T
        case is UInt8.Type: node.kind = .scalar("integer"); return UInt8(0) as? T
        case is Int16.Type: node.kind = .scalar("integer"); return Int16(0) as? T
        case is Int8.Type: node.kind = .scalar("integer"); return Int8(0) as? T
        case is Float.Type: node.kind = .scalar("number"); return Float(0) as? T
        case is Double.Type: node.kind = .scalar("number"); return 0.0 as? T
        case is Bool.Type: node.kind = .scalar("boolean"); return false as? T
        case is Date.Type: node.kind = .scalar("date-time"); return Date(timeIntervalSince1970: 0) as? T
        case is Data.Type: node.kind = .scalar("base64"); return Data() as? T
        case is JSONValue.Type: node.kind = .unknown; return JSONValue.null as? T
        default: return nil
        }
    }
}

struct StopRecording: Error {}

protocol RecordableStringDictionary {
    static var empty: Self { get }
    static func recordValues(into node: ShapeNode, depth: Int) throws
}

extension Dictionary: RecordableStringDictionary where Key == String, Value: Decodable {
    static var empty: Self { [:] }
    static func recordValues(into node: ShapeNode, depth: Int) throws {
        _ = try? ShapeNode.record(Value.self, into: node, depth: depth)
    }
}

private struct RecordingDecoder: Decoder {
    let node: ShapeNode
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if case .object = node.kind {} else { node.kind = .object([]) }
        return KeyedDecodingContainer(RecordingKeyed<Key>(node: node, depth: depth))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let items = ShapeNode()
        node.kind = .array(items)
        return RecordingUnkeyed(items: items, depth: depth)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        RecordingSingle(node: node, depth: depth)
    }
}

private struct RecordingKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: ShapeNode
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try ShapeNode.record(T.self, into: node.addField(SnakeCase.convert(key.stringValue), required: true), depth: depth + 1)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let child = node.addField(SnakeCase.convert(key.stringValue), required: false)
        return try? ShapeNode.record(T.self, into: child, depth: depth + 1)
    }

    // The protocol has concrete overloads for the standard scalars; without these, optional
    // scalars would be recorded through `decode` and read as required.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try optional(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optional(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optional(type, key) }

    private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        let child = node.addField(SnakeCase.convert(key.stringValue), required: false)
        return try? ShapeNode.record(T.self, into: child, depth: depth + 1)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let child = node.addField(SnakeCase.convert(key.stringValue), required: true)
        return try RecordingDecoder(node: child, depth: depth + 1).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let child = node.addField(SnakeCase.convert(key.stringValue), required: true)
        return try RecordingDecoder(node: child, depth: depth + 1).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { RecordingDecoder(node: node, depth: depth) }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        RecordingDecoder(node: node.addField(SnakeCase.convert(key.stringValue), required: true), depth: depth + 1)
    }
}

private struct RecordingUnkeyed: UnkeyedDecodingContainer {
    let items: ShapeNode
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= 1 }

    init(items: ShapeNode, depth: Int) {
        self.items = items
        self.depth = depth
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        return try ShapeNode.record(T.self, into: items, depth: depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return try RecordingDecoder(node: items, depth: depth + 1).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return try RecordingDecoder(node: items, depth: depth + 1).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        currentIndex += 1
        return RecordingDecoder(node: items, depth: depth + 1)
    }
}

private struct RecordingSingle: SingleValueDecodingContainer {
    let node: ShapeNode
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // depth + 1: a type that decodes itself through a single value must not loop forever.
        try ShapeNode.record(T.self, into: node, depth: depth + 1)
    }
}
