import FoundationEssentials

/// Decodes `Decodable` values from `JSONValue`s with the wire's conventions (see
/// `JSONValueEncoder`): snake_case members for camelCase properties, verbatim dictionary keys,
/// ISO 8601 dates, base64 data, absent or null members as nil optionals.
///
/// Errors name the field by its wire path (`object.administrators[0].email`) and say what was
/// expected and what was found.
package struct JSONValueDecoder {
    package init() {}

    package func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(JSONError) -> T {
        do {
            return try DecodingBox.decode(type, from: value, path: { .root })
        } catch let error as JSONError {
            throw error
        } catch let error as DecodingError {
            throw JSONError(error)
        } catch {
            throw JSONError(.invalidValue, "\(error)")
        }
    }
}

extension JSONError {
    /// Maps Swift's `DecodingError` (ours, or thrown by a type's own `init(from:)`) to a field error.
    init(_ error: DecodingError) {
        switch error {
        case .typeMismatch(_, let context):
            self.init(.typeMismatch, context.debugDescription, field: CodingPathFormatter.format(context.codingPath))
        case .valueNotFound(_, let context):
            self.init(.missingField, "is required", field: CodingPathFormatter.format(context.codingPath))
        case .keyNotFound(let key, let context):
            self.init(.missingField, "is required", field: CodingPathFormatter.format(context.codingPath + [key]))
        case .dataCorrupted(let context):
            var message = context.debugDescription
            // Swift's synthesized RawRepresentable error reads "Cannot initialize X from invalid String value y".
            if message.hasPrefix("Cannot initialize"), let range = message.firstRange(of: "invalid ") {
                message = "has an invalid " + message[range.upperBound...]
            }
            self.init(.invalidValue, message, field: CodingPathFormatter.format(context.codingPath))
        @unknown default:
            self.init(.invalidValue, "\(error)")
        }
    }
}

/// The position hint of one keyed container (a class so the non-mutating decode methods can move it).
final class LookupCursor {
    var next = 0
}

/// Marker for `[String: V]` so its keys are read verbatim.
protocol StringKeyedDictionaryDecodable {
    static func decodeMembers(_ object: JSONObject, path: LazyCodingPath) throws -> Self
}

extension Dictionary: StringKeyedDictionaryDecodable where Key == String, Value: Decodable {
    static func decodeMembers(_ object: JSONObject, path: LazyCodingPath) throws -> Self {
        var result: [String: Value] = [:]
        result.reserveCapacity(object.count)
        for (key, value) in object.members {
            result[key] = try DecodingBox.decode(Value.self, from: value, path: { path.appending(DictionaryCodingKey(key)) })
        }
        return result
    }
}

enum DecodingBox {
    static func mismatch(_ expected: String, _ value: JSONValue, _ path: () -> LazyCodingPath) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: path().keys, debugDescription: "expected \(expected), found \(value.typeDescription)"))
    }

    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, path: () -> LazyCodingPath) throws -> T {
        // Fast paths for the common leaf types; the casts are exact (T is the type checked).
        if T.self == String.self {
            guard case .string(let s) = value else { throw nullOr(mismatch("a string", value, path), value, path) }
            return unsafeBitCast(s, to: T.self)
        }
        if T.self == Int.self { return unsafeBitCast(try integer(Int.self, value, path), to: T.self) }
        if T.self == Bool.self {
            guard case .bool(let b) = value else { throw nullOr(mismatch("true or false", value, path), value, path) }
            return unsafeBitCast(b, to: T.self)
        }
        if T.self == Double.self {
            guard let d = value.doubleValue else { throw nullOr(mismatch("a number", value, path), value, path) }
            return unsafeBitCast(d, to: T.self)
        }
        if T.self == Int64.self { return unsafeBitCast(try integer(Int64.self, value, path), to: T.self) }
        if T.self == [String].self { return unsafeBitCast(try strings(value, path), to: T.self) }
        if T.self == [Int].self { return unsafeBitCast(try integers(value, path), to: T.self) }
        if T.self == JSONValue.self { return value as! T }
        if T.self == Date.self {
            guard case .string(let s) = value else { throw nullOr(mismatch("an ISO 8601 date-time string", value, path), value, path) }
            guard let date = parseDate(s) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path().keys, debugDescription: "is not an ISO 8601 date-time: \(s.prefix(40))"))
            }
            return date as! T
        }
        if T.self == Data.self {
            guard case .string(let s) = value else { throw nullOr(mismatch("a base64 string", value, path), value, path) }
            guard let data = Data(base64Encoded: s) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path().keys, debugDescription: "is not valid base64"))
            }
            return data as! T
        }
        // Only objects can be dictionaries: skip the (costly) conformance check otherwise.
        if case .object(let object) = value, let dictionaryType = T.self as? any StringKeyedDictionaryDecodable.Type {
            return try dictionaryType.decodeMembers(object, path: path()) as! T
        }
        return try T(from: TreeDecoder(value: value, path: path()))
    }

    static func strings(_ value: JSONValue, _ path: () -> LazyCodingPath) throws -> [String] {
        guard case .array(let elements) = value else { throw nullOr(mismatch("an array", value, path), value, path) }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let s) = element else {
                let elementPath = path().appending(AnyCodingKey(intValue: index))
                throw nullOr(mismatch("a string", element, { elementPath }), element, { elementPath })
            }
            result.append(s)
        }
        return result
    }

    static func integers(_ value: JSONValue, _ path: () -> LazyCodingPath) throws -> [Int] {
        guard case .array(let elements) = value else { throw nullOr(mismatch("an array", value, path), value, path) }
        var result: [Int] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            result.append(try integer(Int.self, element, { path().appending(AnyCodingKey(intValue: index)) }))
        }
        return result
    }

    /// A null where a value is required reads as "is required", not as a type mismatch.
    static func nullOr(_ error: DecodingError, _ value: JSONValue, _ path: () -> LazyCodingPath) -> DecodingError {
        if value.isNull { return .valueNotFound(Any.self, .init(codingPath: path().keys, debugDescription: "is required")) }
        return error
    }

    static func integer<I: FixedWidthInteger>(_ type: I.Type, _ value: JSONValue, _ path: () -> LazyCodingPath) throws -> I {
        guard let wide = value.int64Value else {
            if case .double = value {
                throw DecodingError.typeMismatch(I.self, .init(codingPath: path().keys, debugDescription: "expected a whole number, found \(value)"))
            }
            throw nullOr(mismatch("a whole number", value, path), value, path)
        }
        guard let exact = I(exactly: wide) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path().keys, debugDescription: "number \(wide) is out of range"))
        }
        return exact
    }

    static func parseDate(_ text: String) -> Date? {
        ISO8601Time.parse(text)
    }
}

struct TreeDecoder: Decoder {
    let value: JSONValue
    let path: LazyCodingPath
    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            throw DecodingBox.nullOr(DecodingBox.mismatch("an object", value, { path }), value, { path })
        }
        return KeyedDecodingContainer(KeyedDecoder<Key>(object: object, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw DecodingBox.nullOr(DecodingBox.mismatch("an array", value, { path }), value, { path })
        }
        return UnkeyedDecoder(elements: elements, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueDecoder(value: value, path: path)
    }
}

struct KeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let path: LazyCodingPath
    var codingPath: [any CodingKey] { path.keys }
    /// Where the next member is probably found (members are usually read in written order).
    private let cursor = LookupCursor()

    init(object: JSONObject, path: LazyCodingPath) {
        self.object = object
        self.path = path
    }

    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    @inline(__always) private func lookup(_ key: Key) -> JSONValue? {
        guard let index = object.index(forSwiftName: key.stringValue, hint: cursor.next) else { return nil }
        cursor.next = index + 1
        return object.value(at: index)
    }

    private func require(_ key: Key) throws -> JSONValue {
        guard let value = lookup(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: path.keys, debugDescription: "is required"))
        }
        return value
    }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        lookup(key)?.isNull ?? true
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try DecodingBox.decode(String.self, from: try require(key), path: { path.appending(key) })
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try DecodingBox.integer(Int.self, try require(key), { path.appending(key) })
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try DecodingBox.decode(Bool.self, from: try require(key), path: { path.appending(key) })
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try DecodingBox.decode(Double.self, from: try require(key), path: { path.appending(key) })
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try DecodingBox.decode(T.self, from: try require(key), path: { path.appending(key) })
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let value = lookup(key), !value.isNull else { return nil }
        return try DecodingBox.decode(String.self, from: value, path: { path.appending(key) })
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let value = lookup(key), !value.isNull else { return nil }
        return try DecodingBox.integer(Int.self, value, { path.appending(key) })
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let value = lookup(key), !value.isNull else { return nil }
        return try DecodingBox.decode(Bool.self, from: value, path: { path.appending(key) })
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = lookup(key), !value.isNull else { return nil }
        return try DecodingBox.decode(T.self, from: value, path: { path.appending(key) })
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(value: try require(key), path: path.appending(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(value: try require(key), path: path.appending(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        TreeDecoder(value: object["super"] ?? .null, path: path.appending(AnyCodingKey(stringValue: "super")))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeDecoder(value: lookup(key) ?? .null, path: path.appending(key))
    }
}

struct UnkeyedDecoder: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let path: LazyCodingPath
    var codingPath: [any CodingKey] { path.keys }
    var currentIndex = 0

    init(elements: [JSONValue], path: LazyCodingPath) {
        self.elements = elements
        self.path = path
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element and its index (its path is made only when needed).
    private mutating func next() throws -> (JSONValue, Int) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: elementPath(currentIndex).keys,
                                                              debugDescription: "is required (array too short)"))
        }
        defer { currentIndex += 1 }
        return (elements[currentIndex], currentIndex)
    }

    private func elementPath(_ index: Int) -> LazyCodingPath { path.appending(AnyCodingKey(intValue: index)) }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return true }
        if elements[currentIndex].isNull {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, index) = try next()
        return try DecodingBox.decode(T.self, from: value, path: { elementPath(index) })
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, index) = try next()
        return try TreeDecoder(value: value, path: elementPath(index)).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, index) = try next()
        return try TreeDecoder(value: value, path: elementPath(index)).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, index) = try next()
        return TreeDecoder(value: value, path: elementPath(index))
    }
}

struct SingleValueDecoder: SingleValueDecodingContainer {
    let value: JSONValue
    let path: LazyCodingPath
    var codingPath: [any CodingKey] { path.keys }

    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: String.Type) throws -> String { try DecodingBox.decode(String.self, from: value, path: { path }) }
    func decode(_ type: Bool.Type) throws -> Bool { try DecodingBox.decode(Bool.self, from: value, path: { path }) }
    func decode(_ type: Int.Type) throws -> Int { try DecodingBox.integer(Int.self, value, { path }) }
    func decode(_ type: Int64.Type) throws -> Int64 { try DecodingBox.integer(Int64.self, value, { path }) }
    func decode(_ type: Int32.Type) throws -> Int32 { try DecodingBox.integer(Int32.self, value, { path }) }
    func decode(_ type: UInt.Type) throws -> UInt { try DecodingBox.integer(UInt.self, value, { path }) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try DecodingBox.integer(UInt64.self, value, { path }) }
    func decode(_ type: Double.Type) throws -> Double { try DecodingBox.decode(Double.self, from: value, path: { path }) }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try DecodingBox.decode(T.self, from: value, path: { path }) }
}
