/// The filters staff lists and exports share (筛选条件): every one optional, all applied together.
/// Enum filters take the wire values (`status: "submitted"`, `platform: "douyin"`, ...). On the
/// wire they sit flat in the request object, next to the request's own fields.
package struct FilingFilters: Codable, Sendable, Hashable {
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

    /// Creates the filters.
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
}
