/// `ExportFilings` (staff): the same filters as `ListFilings`, without paging; the whole result
/// streams as CSV.
package struct ExportFilingsRequest: Codable, Sendable, Hashable {
    /// `FilingStatus`.
    package var status: String?
    /// `ObjectKind`.
    package var objectKind: String?
    /// `Platform`.
    package var platform: String?
    /// Local office id; `""` for filings the office handles itself.
    package var localOffice: String?
    /// `unit` or `individual`.
    package var operatorKind: String?
    /// Government media or not.
    package var government: Bool?
    /// `Timeliness` of the latest deadline assessment.
    package var timeliness: String?
    /// `true`: late only; `false`: early or on time.
    package var late: Bool?
    /// `pending`, `verified`, `invalid`.
    package var verification: String?
    /// Scope needs a staff decision.
    package var reviewNeeded: Bool?
    /// Submitted on or after `YYYY-MM-DD`.
    package var submittedFrom: String?
    /// Submitted on or before `YYYY-MM-DD`.
    package var submittedTo: String?
    /// Substring of the account name or the operator's name.
    package var query: String?

    /// Creates the message.
    package init(status: String? = nil, objectKind: String? = nil, platform: String? = nil,
                 localOffice: String? = nil, operatorKind: String? = nil, government: Bool? = nil,
                 timeliness: String? = nil, late: Bool? = nil, verification: String? = nil,
                 reviewNeeded: Bool? = nil, submittedFrom: String? = nil, submittedTo: String? = nil,
                 query: String? = nil) {
        self.status = status
        self.objectKind = objectKind
        self.platform = platform
        self.localOffice = localOffice
        self.operatorKind = operatorKind
        self.government = government
        self.timeliness = timeliness
        self.late = late
        self.verification = verification
        self.reviewNeeded = reviewNeeded
        self.submittedFrom = submittedFrom
        self.submittedTo = submittedTo
        self.query = query
    }

    /// The same filters as a list request.
    package var listRequest: ListFilingsRequest {
        ListFilingsRequest(status: status, objectKind: objectKind, platform: platform, localOffice: localOffice,
                           operatorKind: operatorKind, government: government, timeliness: timeliness, late: late,
                           verification: verification, reviewNeeded: reviewNeeded, submittedFrom: submittedFrom,
                           submittedTo: submittedTo, query: query)
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
