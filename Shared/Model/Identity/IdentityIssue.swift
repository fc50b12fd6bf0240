/// Why an identity number is rejected (a reason) or what is odd about an accepted one (a warning).
///
/// Carries a stable machine code, the facts needed to explain it (`position`, `expected`,
/// `found`) and bilingual messages derived from them. The messages are computed, not stored, so
/// building an issue on the validation hot path costs no string formatting; they are written out
/// when the issue is encoded (`message_zh`, `message_en`).
package struct IdentityIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable code of an issue (`bad_check_character`, `unknown_region`, ...).
    package struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The code text, e.g. `bad_check_character`.
        package let rawValue: String
        /// A code from its text.
        package init(rawValue: String) { self.rawValue = rawValue }
        /// Decodes from the bare string.
        package init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }
        /// Encodes as the bare string.
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
        /// The code text.
        package var description: String { rawValue }
    }

    /// What went wrong, as a stable code.
    package var code: Code
    /// 1-based character position in the normalized number where the problem starts, if any.
    package var position: Int?
    /// What was expected there (a check character, a length, a kind), if it helps.
    package var expected: String?
    /// What was found there, if it helps.
    package var found: String?

    /// An issue from its parts; prefer the named factories (`IdentityIssue.wrongLength(...)`).
    package init(_ code: Code, position: Int? = nil, expected: String? = nil, found: String? = nil) {
        self.code = code
        self.position = position
        self.expected = expected
        self.found = found
    }

    /// Code, position and English message, for logs and test output.
    package var description: String {
        position.map { "\(code)@\($0): \(messageEnglish)" } ?? "\(code): \(messageEnglish)"
    }

    private enum CodingKeys: String, CodingKey {
        case code, position, expected, found, messageChinese = "messageZh", messageEnglish = "messageEn"
    }

    /// Decodes code and facts; the messages are derived again, not read.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(Code.self, forKey: .code)
        // Derived; read so that message shapes list them.
        _ = try container.decodeIfPresent(String.self, forKey: .messageChinese)
        _ = try container.decodeIfPresent(String.self, forKey: .messageEnglish)
        position = try container.decodeIfPresent(Int.self, forKey: .position)
        expected = try container.decodeIfPresent(String.self, forKey: .expected)
        found = try container.decodeIfPresent(String.self, forKey: .found)
    }

    /// Encodes code, both messages and the facts.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(messageChinese, forKey: .messageChinese)
        try container.encode(messageEnglish, forKey: .messageEnglish)
        try container.encodeIfPresent(position, forKey: .position)
        try container.encodeIfPresent(expected, forKey: .expected)
        try container.encodeIfPresent(found, forKey: .found)
    }
}
