import BeianModel

/// `GetFiling`: one filing with every version and its history.
package struct GetFilingRequest: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// Staff only: `true` shows whole personal numbers (every such read is audited); masked by
    /// default. Operators always see them masked.
    package var revealPersonalNumbers: Bool?

    /// Creates the message.
    package init(filingId: String, revealPersonalNumbers: Bool? = nil) {
        self.filingId = filingId
        self.revealPersonalNumbers = revealPersonalNumbers
    }
}

/// A filing as intake shows it (备案详情).
package struct FilingView: Codable, Sendable, Hashable {
    /// The filing with every version (personal numbers masked unless `personal_numbers` says revealed).
    package var filing: Filing
    /// Status in Chinese.
    package var statusZh: String
    /// `masked` or `revealed`.
    package var personalNumbers: String
    /// Identity verification.
    package var verification: Verification
    /// The latest scope decision.
    package var scope: ScopeDecision
    /// Scope needs a staff decision.
    package var reviewNeeded: Bool
    /// The latest deadline assessment.
    package var deadline: DeadlineAssessment?
    /// Materials uploaded to intake (`UploadMaterial`), oldest first.
    package var uploadedMaterials: [MaterialInfo]
    /// Required materials still missing (neither declared in the content nor uploaded).
    package var missingMaterials: [MaterialRule]
    /// What the operator must correct.
    package var corrections: [FieldViolation]
    /// When submitted.
    package var submittedAt: Timestamp
    /// Last change.
    package var updatedAt: Timestamp
    /// Every change, oldest first.
    package var history: [FilingHistoryEntry]
}

/// `ListFilings` (staff): filters, name search and cursor pagination.
package struct ListFilingsRequest: Codable, Sendable, Hashable {
    /// Which filings (flat on the wire, next to `page_size` and `cursor`).
    package var filters: FilingFilters
    /// Rows per page (default 50, at most 500).
    package var pageSize: Int?
    /// `next_cursor` of the previous page.
    package var cursor: String?

    /// Creates the message.
    package init(_ filters: FilingFilters = FilingFilters(), pageSize: Int? = nil, cursor: String? = nil) {
        self.filters = filters
        self.pageSize = pageSize
        self.cursor = cursor
    }

    private enum PageKeys: String, CodingKey {
        case pageSize, cursor
    }

    package init(from decoder: any Decoder) throws {
        filters = try FilingFilters(from: decoder)
        let container = try decoder.container(keyedBy: PageKeys.self)
        pageSize = try container.decodeIfPresent(Int.self, forKey: .pageSize)
        cursor = try container.decodeIfPresent(String.self, forKey: .cursor)
    }

    package func encode(to encoder: any Encoder) throws {
        try filters.encode(to: encoder)
        var container = encoder.container(keyedBy: PageKeys.self)
        try container.encodeIfPresent(pageSize, forKey: .pageSize)
        try container.encodeIfPresent(cursor, forKey: .cursor)
    }
}

/// A page of filings.
package struct ListFilingsResponse: Codable, Sendable, Hashable {
    /// The rows, newest first.
    package var filings: [FilingSummary]
    /// Pass as `cursor` for the next page; absent on the last page.
    package var nextCursor: String?
}

/// `DiffVersions`: what changed between two versions.
package struct DiffVersionsRequest: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// The earlier version (default: the one before `to`).
    package var from: Int?
    /// The later version (default: the current one).
    package var to: Int?

    /// Creates the message.
    package init(filingId: String, from: Int? = nil, to: Int? = nil) {
        self.filingId = filingId
        self.from = from
        self.to = to
    }
}

/// The difference, field by field (personal numbers masked).
package struct DiffVersionsResponse: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// The earlier version.
    package var from: Int
    /// The later version.
    package var to: Int
    /// Event of the later version.
    package var event: String
    /// Changed fields in form order.
    package var changes: [FieldChange]
}
