/// Values written in JSON as their ISO 8601 text (`CivilDate` as "2024-01-25", `Timestamp` as
/// "2024-01-25T08:00:00.000Z"): one Codable implementation for both.
package protocol ISOTextCodable: Codable {
    init(iso text: String) throws(CivilDateError)
    var iso: String { get }
}

extension ISOTextCodable {
    /// Decodes from the ISO text; a malformed text is a data-corrupted error saying why.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(iso: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes as the ISO text.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
