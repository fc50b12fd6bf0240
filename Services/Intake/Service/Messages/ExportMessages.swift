/// `ExportFilings` (staff): the filters of `ListFilings`, without paging; the whole result
/// streams as CSV.
package struct ExportFilingsRequest: Codable, Sendable, Hashable {
    /// Which filings (flat on the wire).
    package var filters: FilingFilters

    /// Creates the message.
    package init(_ filters: FilingFilters = FilingFilters()) {
        self.filters = filters
    }

    package init(from decoder: any Decoder) throws {
        filters = try FilingFilters(from: decoder)
    }

    package func encode(to encoder: any Encoder) throws {
        try filters.encode(to: encoder)
    }
}

/// One message of `ExportFilings`: a piece of the CSV text. Concatenated in order they are the
/// file: UTF-8, byte-order mark first, CRLF line ends, RFC 4180 quoting.
package struct ExportChunk: Codable, Sendable, Hashable {
    /// CSV text.
    package var chunk: String

    /// Creates a message.
    package init(chunk: String) {
        self.chunk = chunk
    }
}
