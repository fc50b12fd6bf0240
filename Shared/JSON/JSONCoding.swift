/// The one entry point for JSON in Beian: bytes ⇄ `JSONValue` ⇄ `Codable` types, with the wire's
/// conventions (strict parsing, snake_case members, ISO 8601 dates). Used by the RPC layer, the
/// services, the console and the data loaders alike.
package enum JSONCoding {
    /// Parses `bytes` and decodes a `T` from them.
    package static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(JSONError) -> T {
        try JSONValueDecoder().decode(type, from: try JSONParser.parse(bytes))
    }

    /// Decodes a `T` from an already parsed value.
    package static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(JSONError) -> T {
        try JSONValueDecoder().decode(type, from: value)
    }

    /// Encodes `value` as compact JSON bytes.
    package static func encode<T: Encodable>(_ value: T) throws(JSONError) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        try encode(value, into: &writer)
        return writer.bytes
    }

    /// Appends `value`'s JSON to `writer` (streaming straight to bytes; no intermediate tree).
    package static func encode<T: Encodable>(_ value: T, into writer: inout JSONWriter) throws(JSONError) {
        let start = writer.bytes.count
        do {
            try JSONBytesEncoder.encode(value, into: &writer)
        } catch is JSONBytesEncoder.OutOfOrder {
            // A type used its containers out of order: take the (slower) tree path instead.
            writer.truncate(to: start)
            try writer.write(try JSONValueEncoder().encode(value))
        } catch let error as JSONError {
            throw error
        } catch let error as EncodingError {
            throw JSONError(error)
        } catch {
            throw JSONError(.invalidValue, "\(error)")
        }
    }

    /// Encodes `value` as a `JSONValue`.
    package static func encodeValue<T: Encodable>(_ value: T) throws(JSONError) -> JSONValue {
        try JSONValueEncoder().encode(value)
    }

    /// Encodes `value` as indented, human-readable JSON text (for files and `--json` output).
    package static func prettyString<T: Encodable>(_ value: T) throws(JSONError) -> String {
        PrettyPrinter.format(try JSONValueEncoder().encode(value))
    }
}
