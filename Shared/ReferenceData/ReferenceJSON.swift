import BeianJSON

/// The one place reference data is decoded from JSON (BeianJSON: strict parsing, snake_case keys
/// in files and camelCase in Swift). Errors become `ReferenceDataError`s naming the file, the
/// field path and the rule.
package enum ReferenceJSON {
    /// Decodes `T` from `bytes`; `file` names the source in errors. A member the type does not
    /// know (a misspelled key) is an error too: data files are checked strictly, since a silently
    /// ignored key would silently change an office's rules.
    package static func decode<T: Codable>(_ type: T.Type, from bytes: [UInt8],
                                           file: String) throws(ReferenceDataError) -> T {
        let value: JSONValue
        let decoded: T
        let reencoded: JSONValue
        do {
            value = try JSONParser.parse(bytes)
            decoded = try JSONCoding.decode(T.self, from: value)
            reencoded = try JSONCoding.encodeValue(decoded)
        } catch {
            throw describe(error, file: file)
        }
        if let first = value.memberPaths(missingFrom: reencoded).first {
            throw ReferenceDataError(file: file, field: first, rule: "unknown_field",
                                     message: "unknown field \"\(first)\" (keys are snake_case; see the profile format)")
        }
        return decoded
    }

    /// A `JSONError` as file + snake_case field path + rule.
    static func describe(_ error: JSONError, file: String) -> ReferenceDataError {
        let rule: String
        switch error.kind {
        case .missingField: rule = "required"
        case .typeMismatch: rule = "type"
        case .invalidValue:
            rule = error.message.contains("has an invalid") ? "enum_value"
                : error.message.localizedLowercase.contains("date") ? "date_format" : "invalid_value"
        default: rule = "json_syntax"
        }
        let message = error.offset.map { "\(error.message) (at byte \($0))" } ?? error.message
        return ReferenceDataError(file: file, field: error.field, rule: rule, message: message)
    }
}
