import BeianJSON

/// A message handled as its parsed JSON value, whose reflection shape is `Shape`'s.
///
/// The batch methods read requests and write responses member by member (precise field errors,
/// no `Codable` pass over 10,000 items), yet reflection should still describe the real message.
/// Decoding keeps the value as it is; the reflection recorder, which answers every request with
/// a placeholder (`null` for a `JSONValue`), gets `Shape`'s fields recorded instead. A real
/// message is never `null`: the wire contract requires a JSON object.
struct RawMessage<Shape: Decodable & Sendable>: Codable, Sendable {
    /// The message.
    var value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(JSONValue.self)
        if value.isNull { _ = try Shape(from: decoder) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
