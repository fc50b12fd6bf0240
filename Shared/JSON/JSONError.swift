/// Why JSON could not be parsed, written or mapped to a Swift type.
///
/// `field` is the snake_case path of the offending field for coding errors
/// (e.g. `operator.responsible_person.mobile`, `items[3].value`), empty for the document itself;
/// `offset` is the byte offset for syntax errors.
package struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    package struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// Not JSON at all: unexpected byte, unterminated string, trailing data, bad escape.
        package static let syntax = Kind("syntax")
        /// Bytes that are not valid UTF-8, or an unpaired surrogate escape.
        package static let invalidUTF8 = Kind("invalid_utf8")
        /// Arrays/objects nested deeper than the parser's limit.
        package static let tooDeep = Kind("too_deep")
        /// A number outside the range of a finite double (e.g. 1e400), or NaN/Infinity to write.
        package static let numberOutOfRange = Kind("number_out_of_range")
        /// The same key twice in one object.
        package static let duplicateKey = Kind("duplicate_key")
        /// Valid JSON, but a field has the wrong type for the message.
        package static let typeMismatch = Kind("type_mismatch")
        /// A required field is absent (or null).
        package static let missingField = Kind("missing_field")
        /// A field has the right type but a value the message does not accept (e.g. unknown enum case).
        package static let invalidValue = Kind("invalid_value")
        package var description: String { name }
    }

    package var kind: Kind
    package var message: String
    package var field: String
    package var offset: Int?

    package init(_ kind: Kind, _ message: String, field: String = "", offset: Int? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
        self.offset = offset
    }

    package var description: String {
        var text = message
        if !field.isEmpty { text = "\(field): \(text)" }
        if let offset { text += " (at byte \(offset))" }
        return text
    }
}
