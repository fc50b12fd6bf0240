/// One problem with one field of an input (one per bad field, all reported at once).
///
/// `field` is a snake_case path with indices, e.g. `operator.responsible_person.mobile` or
/// `object.administrators[0].email`; `rule` is a stable code (`required`, `too_long`,
/// `mobile_format`, `email_format`, `date_format`, `not_in_future`, `enum_value`,
/// `followers_negative`...); the messages are for people, in Chinese and English.
package struct FieldViolation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Snake_case field path.
    package var field: String
    /// Stable rule code.
    package var rule: String
    /// Message in Chinese.
    package var messageZh: String
    /// Message in English.
    package var messageEn: String

    /// Creates a violation.
    package init(field: String, rule: String, messageZh: String, messageEn: String) {
        self.field = field
        self.rule = rule
        self.messageZh = messageZh
        self.messageEn = messageEn
    }

    /// Text for logs and messages.
    package var description: String { "\(field): \(rule) (\(messageEn))" }
}

/// Validation failed: every violation found, in field order.
package struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// All violations (never empty).
    package var violations: [FieldViolation]

    /// Creates a failure.
    package init(violations: [FieldViolation]) {
        self.violations = violations
    }

    /// The rules that failed for `field`.
    package func rules(for field: String) -> [String] {
        violations.filter { $0.field == field }.map(\.rule)
    }

    /// Text for logs and messages.
    package var description: String {
        "\(violations.count) invalid field(s): " + violations.map(\.description).joined(separator: "; ")
    }
}
