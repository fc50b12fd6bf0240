import Foundation

/// The one place reference data is decoded from JSON, so the decoder can be swapped for
/// `BeianJSON.JSONCoding.decode` when it lands; keys are snake_case in files and camelCase in
/// Swift. Decoding errors become `ReferenceDataError`s naming the file and the field path.
package enum ReferenceJSON {
    /// Decodes `T` from `bytes`; `file` names the source in errors.
    package static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8],
                                             file: String) throws(ReferenceDataError) -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw describe(error, file: file)
        } catch {
            throw ReferenceDataError(file: file, field: "", rule: "json_syntax", message: "\(error)")
        }
    }

    /// A `DecodingError` as file + snake_case field path + rule.
    static func describe(_ error: DecodingError, file: String) -> ReferenceDataError {
        switch error {
        case .keyNotFound(let key, let context):
            return ReferenceDataError(file: file, field: path(context.codingPath + [key]), rule: "required",
                                      message: "missing field \(snake(key.stringValue))")
        case .valueNotFound(_, let context):
            return ReferenceDataError(file: file, field: path(context.codingPath), rule: "required",
                                      message: "null where a value is required")
        case .typeMismatch(let type, let context):
            return ReferenceDataError(file: file, field: path(context.codingPath), rule: "type",
                                      message: "expected \(type): \(context.debugDescription)")
        case .dataCorrupted(let context):
            let text = context.debugDescription
            if context.codingPath.isEmpty {
                return ReferenceDataError(file: file, field: "", rule: "json_syntax",
                                          message: (context.underlyingError.map { "\($0)" }) ?? text)
            }
            let rule = text.contains("Cannot initialize") ? "enum_value"
                : text.contains("invalid date") ? "date_format" : "invalid_value"
            return ReferenceDataError(file: file, field: path(context.codingPath), rule: rule, message: text)
        @unknown default:
            return ReferenceDataError(file: file, field: "", rule: "invalid_value", message: "\(error)")
        }
    }

    /// `a.b[0].c` from a coding path, keys in snake_case.
    static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + snake(key.stringValue)
            }
        }
        return out
    }

    /// camelCase → snake_case (`minimumFollowers` → `minimum_followers`); snake input unchanged.
    static func snake(_ key: String) -> String {
        var out = ""
        for ch in key {
            if ch.isUppercase {
                if !out.isEmpty { out.append("_") }
                out += ch.lowercased()
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
