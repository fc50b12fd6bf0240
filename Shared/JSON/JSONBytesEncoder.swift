import FoundationEssentials

/// Encodes `Encodable` values straight to JSON bytes, without building a `JSONValue` tree first:
/// the fast path for responses and requests (same conventions as `JSONValueEncoder`: snake_case
/// members, verbatim dictionary keys, ISO 8601 dates, base64 data, nil optionals omitted).
///
/// Containers are written in the order the `Encodable` implementation uses them, which is what
/// synthesized conformances and almost every hand-written one do: a container is closed when
/// its value's `encode(to:)` returns or when its parent is written to again. A type that goes back
/// to a container it already left (legal for `Encoder`, but rare) makes this encoder give up, and
/// `JSONCoding` then encodes through the tree instead, so the result is always correct.
struct JSONBytesEncoder {
    /// Thrown internally when containers are used out of order; callers fall back to the tree.
    struct OutOfOrder: Error {}

    static func encode<T: Encodable>(_ value: T, into writer: inout JSONWriter) throws {
        let state = ByteEncodingState(writer: writer)
        writer = JSONWriter()  // the state owns the buffer while encoding (no copy-on-write)
        defer { writer = state.writer }
        try state.encodeValue(value, path: { .root })
    }
}

final class ByteEncodingState {
    var writer: JSONWriter
    /// Open containers, innermost last: their ids and member counts.
    private var stack: [(id: Int, isObject: Bool, count: Int)] = []
    private var nextID = 0

    init(writer: JSONWriter) {
        self.writer = writer
    }

    // MARK: Containers

    func open(object: Bool) -> Int {
        writer.appendByte(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        nextID += 1
        stack.append((nextID, object, 0))
        return nextID
    }

    private func closeTop() {
        let top = stack.removeLast()
        writer.appendByte(top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// Gets container `id` ready for one more member: closes the containers opened inside it,
    /// writes the separating comma. Throws `OutOfOrder` if `id` was already closed.
    func prepareMember(of id: Int) throws {
        while let top = stack.last, top.id != id {
            guard stack.contains(where: { $0.id == id }) else { throw JSONBytesEncoder.OutOfOrder() }
            closeTop()
        }
        guard !stack.isEmpty else { throw JSONBytesEncoder.OutOfOrder() }
        if stack[stack.count - 1].count > 0 { writer.appendByte(UInt8(ascii: ",")) }
        stack[stack.count - 1].count += 1
    }

    func writeKey(_ key: String) {
        writer.writeString(key)
        writer.appendByte(UInt8(ascii: ":"))
    }

    /// Writes `"snake_case":` for a Swift property name, converting on the fly.
    func writeSwiftKey(_ name: String) {
        let plain = SnakeCase.withSnakeBytes(name) { generated -> Bool in
            var safe = true
            for byte in generated.camel where byte < 0x20 || byte == 0x22 || byte == 0x5C { safe = false }
            guard safe else { return false }
            writer.appendByte(UInt8(ascii: "\""))
            generated.forEach { writer.appendByte($0) }
            writer.appendLiteral("\":")
            return true
        }
        if !plain { writeKey(SnakeCase.convert(name)) }
    }

    func count(of id: Int) -> Int {
        stack.last(where: { $0.id == id })?.count ?? 0
    }

    // MARK: Values

    /// Writes one value at the current position.
    func encodeValue<T: Encodable>(_ value: T, path: () -> LazyCodingPath) throws {
        // Fast paths for the common leaf types; the casts are exact (T is the type checked).
        if T.self == String.self { return writer.writeString(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return writer.writeInteger(Int64(unsafeBitCast(value, to: Int.self))) }
        if T.self == Bool.self { return writer.appendLiteral(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        if T.self == Double.self { return try writeDouble(unsafeBitCast(value, to: Double.self), path) }
        if T.self == Int64.self { return writer.writeInteger(unsafeBitCast(value, to: Int64.self)) }
        if T.self == [String].self {
            writer.appendByte(UInt8(ascii: "["))
            for (index, element) in unsafeBitCast(value, to: [String].self).enumerated() {
                if index > 0 { writer.appendByte(UInt8(ascii: ",")) }
                writer.writeString(element)
            }
            return writer.appendByte(UInt8(ascii: "]"))
        }
        if T.self == [Int].self {
            writer.appendByte(UInt8(ascii: "["))
            for (index, element) in unsafeBitCast(value, to: [Int].self).enumerated() {
                if index > 0 { writer.appendByte(UInt8(ascii: ",")) }
                writer.writeInteger(Int64(element))
            }
            return writer.appendByte(UInt8(ascii: "]"))
        }
        if T.self == [String: String].self {
            // Details, labels and metadata: members in sorted key order, as for any dictionary.
            let dictionary = unsafeBitCast(value, to: [String: String].self)
            writer.appendByte(UInt8(ascii: "{"))
            for (index, member) in dictionary.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { writer.appendByte(UInt8(ascii: ",")) }
                writer.writeString(member.key)
                writer.appendByte(UInt8(ascii: ":"))
                writer.writeString(member.value)
            }
            return writer.appendByte(UInt8(ascii: "}"))
        }
        if T.self == JSONValue.self { return try writer.write(value as! JSONValue) }
        if T.self == Date.self { return writer.writeString(EncodingBox.formatDate(value as! Date)) }
        if T.self == Data.self { return writer.writeString((value as! Data).base64EncodedString()) }
        // Only `[String: V]` conforms, and every dictionary is one pointer wide: skip the (costly)
        // conformance look-up for the many values that cannot be one.
        if MemoryLayout<T>.size == MemoryLayout<[String: Int]>.size,
           let dictionary = value as? any StringKeyedDictionaryEncodable {
            return try writer.write(try dictionary.encodeMembers(codingPath: path().keys))
        }
        let depth = stack.count
        let encoder = ByteEncoder(state: self, path: path())
        try value.encode(to: encoder)
        if !encoder.wroteSomething {
            writer.appendLiteral("{}")  // encoded nothing: an empty object, as Foundation does
        }
        while stack.count > depth { closeTop() }
    }

    func writeDouble(_ value: Double, _ path: () -> LazyCodingPath) throws {
        guard value.isFinite else {
            throw JSONError(.numberOutOfRange, "cannot encode \(value): JSON has only finite numbers",
                            field: CodingPathFormatter.format(path().keys))
        }
        try writer.writeDouble(value)
    }
}

final class ByteEncoder: Encoder {
    let state: ByteEncodingState
    let path: LazyCodingPath
    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private(set) var wroteSomething = false
    private var containerID: Int?

    init(state: ByteEncodingState, path: LazyCodingPath) {
        self.state = state
        self.path = path
    }

    private func containerID(object: Bool) -> Int {
        if let containerID { return containerID }
        wroteSomething = true
        let id = state.open(object: object)
        containerID = id
        return id
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ByteKeyedEncoder<Key>(state: state, id: containerID(object: true), path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        ByteUnkeyedEncoder(state: state, id: containerID(object: false), path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        wroteSomething = true
        return ByteSingleValueEncoder(state: state, path: path)
    }
}

struct ByteKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: ByteEncodingState
    let id: Int
    let path: LazyCodingPath
    var codingPath: [any CodingKey] { path.keys }

    private func member(_ key: Key) throws {
        try state.prepareMember(of: id)
        state.writeSwiftKey(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        try member(key)
        state.writer.appendLiteral("null")
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try member(key)
        state.writer.appendLiteral(value ? "true" : "false")
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        try member(key)
        state.writer.writeString(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        try member(key)
        state.writer.writeInteger(Int64(value))
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        try member(key)
        state.writer.writeInteger(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try member(key)
        try state.writeDouble(value, { path.appending(key) })
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try member(key)
        try state.encodeValue(value, path: { path.appending(key) })
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        // The protocol does not let this throw; an out-of-order use surfaces on the next write.
        try? member(key)
        let child = state.open(object: true)
        return KeyedEncodingContainer(ByteKeyedEncoder<NestedKey>(state: state, id: child, path: path.appending(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        try? member(key)
        let child = state.open(object: false)
        return ByteUnkeyedEncoder(state: state, id: child, path: path.appending(key))
    }

    mutating func superEncoder() -> any Encoder { FallbackEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { FallbackEncoder() }
}

struct ByteUnkeyedEncoder: UnkeyedEncodingContainer {
    let state: ByteEncodingState
    let id: Int
    let path: LazyCodingPath
    var codingPath: [any CodingKey] { path.keys }
    var count: Int { state.count(of: id) }

    /// Gets ready for one more element; returns its index.
    private func element() throws -> Int {
        let index = state.count(of: id)
        try state.prepareMember(of: id)
        return index
    }

    private func elementPath(_ index: Int) -> LazyCodingPath { path.appending(AnyCodingKey(intValue: index)) }

    mutating func encodeNil() throws {
        _ = try element()
        state.writer.appendLiteral("null")
    }
    mutating func encode(_ value: String) throws {
        _ = try element()
        state.writer.writeString(value)
    }
    mutating func encode(_ value: Int) throws {
        _ = try element()
        state.writer.writeInteger(Int64(value))
    }
    mutating func encode(_ value: Bool) throws {
        _ = try element()
        state.writer.appendLiteral(value ? "true" : "false")
    }
    mutating func encode(_ value: Double) throws {
        let index = try element()
        try state.writeDouble(value, { elementPath(index) })
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = try element()
        try state.encodeValue(value, path: { elementPath(index) })
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let childPath = (try? element()).map(elementPath) ?? path
        let child = state.open(object: true)
        return KeyedEncodingContainer(ByteKeyedEncoder<NestedKey>(state: state, id: child, path: childPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let childPath = (try? element()).map(elementPath) ?? path
        let child = state.open(object: false)
        return ByteUnkeyedEncoder(state: state, id: child, path: childPath)
    }

    mutating func superEncoder() -> any Encoder { FallbackEncoder() }
}

struct ByteSingleValueEncoder: SingleValueEncodingContainer {
    let state: ByteEncodingState
    let path: LazyCodingPath
    var codingPath: [any CodingKey] { path.keys }

    mutating func encodeNil() throws { state.writer.appendLiteral("null") }
    mutating func encode(_ value: Bool) throws { state.writer.appendLiteral(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { state.writer.writeString(value) }
    mutating func encode(_ value: Int) throws { state.writer.writeInteger(Int64(value)) }
    mutating func encode(_ value: Int64) throws { state.writer.writeInteger(value) }
    mutating func encode(_ value: Double) throws { try state.writeDouble(value, { path }) }
    mutating func encode<T: Encodable>(_ value: T) throws { try state.encodeValue(value, path: { path }) }
}

/// Handed out for `superEncoder()`, which the byte encoder does not support: any use throws
/// `OutOfOrder`, so the value is re-encoded through the tree encoder.
struct FallbackEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ThrowingKeyed<Key>())
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { ThrowingUnkeyed() }
    func singleValueContainer() -> any SingleValueEncodingContainer { ThrowingSingle() }

    struct ThrowingKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws { throw JSONBytesEncoder.OutOfOrder() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw JSONBytesEncoder.OutOfOrder() }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            KeyedEncodingContainer(ThrowingKeyed<N>())
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { ThrowingUnkeyed() }
        mutating func superEncoder() -> any Encoder { FallbackEncoder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { FallbackEncoder() }
    }

    struct ThrowingUnkeyed: UnkeyedEncodingContainer {
        var codingPath: [any CodingKey] { [] }
        var count: Int { 0 }
        mutating func encodeNil() throws { throw JSONBytesEncoder.OutOfOrder() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw JSONBytesEncoder.OutOfOrder() }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            KeyedEncodingContainer(ThrowingKeyed<N>())
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { ThrowingUnkeyed() }
        mutating func superEncoder() -> any Encoder { FallbackEncoder() }
    }

    struct ThrowingSingle: SingleValueEncodingContainer {
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() throws { throw JSONBytesEncoder.OutOfOrder() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw JSONBytesEncoder.OutOfOrder() }
    }
}
