import BeianJSON

/// A message already serialized as strict JSON (an object), ready to be placed in a frame.
///
/// Typed messages are encoded straight to bytes (`JSONCoding.encode`), skipping the `JSONValue`
/// tree; this is the currency between the typed layer and the frame writer.
package struct EncodedMessage: Sendable {
    package let json: [UInt8]

    /// Wraps bytes the caller guarantees are one strict JSON object.
    package init(trustedJSON: [UInt8]) {
        json = trustedJSON
    }

    /// Encodes a typed message.
    package init<Message: Encodable>(_ message: Message) throws(JSONError) {
        json = try JSONCoding.encode(message)
    }

    /// Serializes a JSON value.
    package init(_ value: JSONValue) throws(JSONError) {
        json = try JSONWriter.serialize(value)
    }
}
