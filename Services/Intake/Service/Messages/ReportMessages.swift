import BeianModel

/// `Statistics` (head or auditor): the survey report of the office's filings, optionally for one
/// local office and a submission-date range.
package struct StatisticsRequest: Codable, Sendable, Hashable {
    /// Local office id; `""` for filings the office handles itself.
    package var localOffice: String?
    /// Submitted on or after `YYYY-MM-DD`.
    package var submittedFrom: String?
    /// Submitted on or before `YYYY-MM-DD`.
    package var submittedTo: String?
    /// Include the printable HTML report (default true).
    package var html: Bool?

    /// Creates the message.
    package init(localOffice: String? = nil, submittedFrom: String? = nil, submittedTo: String? = nil,
                 html: Bool? = nil) {
        self.localOffice = localOffice
        self.submittedFrom = submittedFrom
        self.submittedTo = submittedTo
        self.html = html
    }
}

/// The survey report: the numbers, and the same as a printable HTML document.
package struct StatisticsResponse: Codable, Sendable, Hashable {
    /// The office.
    package var officeCode: String
    /// Its name.
    package var officeName: String
    /// The local office reported on, if one.
    package var localOffice: String?
    /// Date range, if given.
    package var submittedFrom: CivilDate?
    /// Date range, if given.
    package var submittedTo: CivilDate?
    /// The report's date.
    package var generatedOn: CivilDate
    /// The numbers.
    package var statistics: FilingStatistics
    /// A self-contained HTML document (UTF-8), unless `html: false` was asked.
    package var html: String?
}

/// `DeadlineWatch` (staff, or the sanctions service): filings overdue or due soon.
package struct DeadlineWatchRequest: Codable, Sendable, Hashable {
    /// "Due soon" horizon in days (default 7, 0 to 366).
    package var withinDays: Int?
    /// Also list filings that were filed late (default false).
    package var includeLate: Bool?
    /// Local office id; `""` for filings the office handles itself.
    package var localOffice: String?
    /// Most items (default 500, at most 5000).
    package var limit: Int?

    /// Creates the message.
    package init(withinDays: Int? = nil, includeLate: Bool? = nil, localOffice: String? = nil, limit: Int? = nil) {
        self.withinDays = withinDays
        self.includeLate = includeLate
        self.localOffice = localOffice
        self.limit = limit
    }
}

/// One watched deadline.
package struct DeadlineWatchItem: Codable, Sendable, Hashable {
    /// Filing id.
    package var filingId: String
    /// Filing number, if accepted before.
    package var filingNumber: String?
    /// Filing status.
    package var status: FilingStatus
    /// The event whose deadline it is: `new_account`, `change`, `closure`, ...
    package var event: DeadlineEvent
    /// The event in Chinese.
    package var eventZh: String
    /// When the event happened.
    package var eventDate: CivilDate
    /// The last day to file.
    package var dueDate: CivilDate
    /// `overdue`, `due_soon` or `late`.
    package var state: OpenDeadlines.State
    /// Days past the due date (overdue, late).
    package var daysLate: Int?
    /// Days left (due soon).
    package var daysRemaining: Int?
    /// Object kind.
    package var objectKind: ObjectKind
    /// Platform, for accounts.
    package var platform: Platform?
    /// Account (object) name.
    package var accountName: String
    /// Unit or individual.
    package var operatorKind: OperatorKind
    /// Operator's name (an individual's masked).
    package var operatorName: String
    /// Masked mobile.
    package var mobileMasked: String
    /// Local office id, if routed to one.
    package var localOfficeCode: String?
    /// Local office's name (the office's own when none).
    package var localOfficeName: String
}

/// The answer of `DeadlineWatch`.
package struct DeadlineWatchResponse: Codable, Sendable, Hashable {
    /// The office.
    package var officeCode: String
    /// The day the list is for.
    package var today: CivilDate
    /// The horizon used.
    package var withinDays: Int
    /// Items overdue.
    package var overdue: Int
    /// Items due soon.
    package var dueSoon: Int
    /// Items filed late.
    package var late: Int
    /// The items, earliest due date first.
    package var items: [DeadlineWatchItem]
    /// Whether the limit cut the list.
    package var truncated: Bool
}
