import FoundationEssentials

/// Encodes `Encodable` values into `JSONValue`s with the wire's conventions:
/// camelCase property names as snake_case members (dictionary keys are kept as they are),
/// `Date` as an ISO 8601 UTC string with milliseconds, `Data` as base64, `JSONValue` embedded as is,
/// nil optionals omitted.
package struct JSONValueEncoder {
    package init() {}

    package func encode<T: Encodable>(_ value: T) throws(JSONError) -> JSONValue {
        do {
            return try EncodingBox.encode(value, codingPath: [])
        } catch let error as JSONError {
            throw error
        } catch let error as EncodingError {
            throw JSONError(error)
        } catch {
            throw JSONError(.invalidValue, "\(error)")
        }
    }
}

extension JSONError {
    init(_ error: EncodingError) {
        switch error {
        case .invalidValue(let value, let context):
            self.init(.invalidValue, context.debugDescription.isEmpty ? "cannot encode \(value)" : context.debugDescription,
                      field: CodingPathFormatter.format(context.codingPath))
        @unknown default:
            self.init(.invalidValue, "\(error)")
        }
    }
}

/// A node of the tree being built; containers hold references so nested containers can keep
/// writing after they are handed out, as the Encoder protocol requires.
final class EncodingNode {
    enum Content {
        case value(JSONValue)
        case object(keys: [String], nodes: [EncodingNode])
        case array([EncodingNode])
        case empty
    }

    var content: Content = .empty

    init() {}
    init(_ value: JSONValue) { content = .value(value) }

    func finalize() -> JSONValue {
        switch content {
        case .value(let v): return v
        case .empty: return .object(JSONObject())
        case .array(let nodes): return .array(nodes.map { $0.finalize() })
        case .object(let keys, let nodes):
            var object = JSONObject(minimumCapacity: keys.count)
            for (key, node) in zip(keys, nodes) { object[key] = node.finalize() }
            return .object(object)
        }
    }

    func setObjectMember(_ key: String, _ node: EncodingNode) {
        if case .object(var keys, var nodes) = content {
            content = .empty
            if let i = keys.firstIndex(of: key) {
                nodes[i] = node
            } else {
                keys.append(key)
                nodes.append(node)
            }
            content = .object(keys: keys, nodes: nodes)
        } else {
            content = .object(keys: [key], nodes: [node])
        }
    }

    func appendElement(_ node: EncodingNode) {
        if case .array(var nodes) = content {
            content = .empty
            nodes.append(node)
            content = .array(nodes)
        } else {
            content = .array([node])
        }
    }

    var elementCount: Int {
        if case .array(let nodes) = content { return nodes.count }
        return 0
    }
}

/// Marker for `[String: V]` so its keys are written verbatim rather than snake_cased.
protocol StringKeyedDictionaryEncodable {
    func encodeMembers(codingPath: [any CodingKey]) throws -> JSONValue
}

extension Dictionary: StringKeyedDictionaryEncodable where Key == String, Value: Encodable {
    func encodeMembers(codingPath: [any CodingKey]) throws -> JSONValue {
        var object = JSONObject(minimumCapacity: count)
        for key in keys.sorted() {
            object[key] = try EncodingBox.encode(self[key]!, codingPath: codingPath + [DictionaryCodingKey(key)])
        }
        return .object(object)
    }
}

enum EncodingBox {
    static func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue {
        switch value {
        case let v as String: return .string(v)
        case let v as Int: return .int(Int64(v))
        case let v as Int64: return .int(v)
        case let v as Bool: return .bool(v)
        case let v as Double: return try finite(v, codingPath)
        case let v as JSONValue: return v
        case let v as Date: return .string(formatDate(v))
        case let v as Data: return .string(v.base64EncodedString())
        case let v as any StringKeyedDictionaryEncodable: return try v.encodeMembers(codingPath: codingPath)
        default:
            let encoder = TreeEncoder(codingPath: codingPath)
            try value.encode(to: encoder)
            return encoder.root.finalize()
        }
    }

    static func formatDate(_ date: Date) -> String {
        ISO8601Time.format(date)
    }

    static func finite(_ value: Double, _ codingPath: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw JSONError(.numberOutOfRange, "cannot encode \(value): JSON has only finite numbers",
                            field: CodingPathFormatter.format(codingPath))
        }
        return .double(value)
    }
}

final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let root: EncodingNode

    init(codingPath: [any CodingKey], root: EncodingNode = EncodingNode()) {
        self.codingPath = codingPath
        self.root = root
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = root.content {} else { root.content = .object(keys: [], nodes: []) }
        return KeyedEncodingContainer(KeyedEncoder<Key>(node: root, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = root.content {} else { root.content = .array([]) }
        return UnkeyedEncoder(node: root, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueEncoder(node: root, codingPath: codingPath)
    }
}

struct KeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    private func set(_ value: JSONValue, _ key: Key) {
        node.setObjectMember(SnakeCase.convert(key.stringValue), EncodingNode(value))
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        set(try EncodingBox.finite(value, codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        set(try EncodingBox.finite(Double(value), codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.int(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try EncodingBox.encode(value, codingPath: codingPath + [key]), key)
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { set(.string(value), key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { set(.int(Int64(value)), key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { set(.bool(value), key) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = EncodingNode()
        child.content = .object(keys: [], nodes: [])
        node.setObjectMember(SnakeCase.convert(key.stringValue), child)
        return KeyedEncodingContainer(KeyedEncoder<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = EncodingNode()
        child.content = .array([])
        node.setObjectMember(SnakeCase.convert(key.stringValue), child)
        return UnkeyedEncoder(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let child = EncodingNode()
        node.setObjectMember("super", child)
        return TreeEncoder(codingPath: codingPath + [AnyCodingKey(stringValue: "super")], root: child)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = EncodingNode()
        node.setObjectMember(SnakeCase.convert(key.stringValue), child)
        return TreeEncoder(codingPath: codingPath + [key], root: child)
    }
}

struct UnkeyedEncoder: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int { node.elementCount }

    private var nextKey: AnyCodingKey { AnyCodingKey(intValue: count) }

    mutating func encodeNil() throws { node.appendElement(EncodingNode(.null)) }
    mutating func encode(_ value: Bool) throws { node.appendElement(EncodingNode(.bool(value))) }
    mutating func encode(_ value: String) throws { node.appendElement(EncodingNode(.string(value))) }
    mutating func encode(_ value: Int) throws { node.appendElement(EncodingNode(.int(Int64(value)))) }
    mutating func encode(_ value: Double) throws {
        node.appendElement(EncodingNode(try EncodingBox.finite(value, codingPath + [nextKey])))
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        node.appendElement(EncodingNode(try EncodingBox.encode(value, codingPath: codingPath + [nextKey])))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = nextKey
        let child = EncodingNode()
        child.content = .object(keys: [], nodes: [])
        node.appendElement(child)
        return KeyedEncodingContainer(KeyedEncoder<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = nextKey
        let child = EncodingNode()
        child.content = .array([])
        node.appendElement(child)
        return UnkeyedEncoder(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let key = nextKey
        let child = EncodingNode()
        node.appendElement(child)
        return TreeEncoder(codingPath: codingPath + [key], root: child)
    }
}

struct SingleValueEncoder: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.content = .value(.string(value)) }
    mutating func encode(_ value: Int) throws { node.content = .value(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { node.content = .value(.int(value)) }
    mutating func encode(_ value: Double) throws { node.content = .value(try EncodingBox.finite(value, codingPath)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        node.content = .value(try EncodingBox.encode(value, codingPath: codingPath))
    }
}

/// A coding key for array indices, dictionary keys and error paths.
package struct AnyCodingKey: CodingKey, Sendable {
    package var stringValue: String
    package var intValue: Int?
    package init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }
    package init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// Formats a coding path as the wire's field path: `operator.administrators[0].email`.
package enum CodingPathFormatter {
    package static func format(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, !(key is any DictionaryKeyMarker) {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key is any DictionaryKeyMarker ? key.stringValue : SnakeCase.convert(key.stringValue)
            }
        }
        return text
    }
}

/// Marks dictionary keys in coding paths, which are printed verbatim.
protocol DictionaryKeyMarker {}

/// A `[String: V]` key in a coding path: written and printed verbatim, never snake_cased.
struct DictionaryCodingKey: CodingKey, DictionaryKeyMarker {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
