import BeianModel

/// Everything intake keeps about one filing: the model's `Filing` (with every version) and what
/// intake decided about it (scope, deadline, identity verification, corrections asked for).
package struct IntakeFiling: Sendable, Hashable, Codable {
    /// The filing, with its versions.
    package var filing: Filing
    /// The latest scope decision.
    package var scope: ScopeDecision
    /// The latest deadline assessment (new account, change or closure), when one applies.
    package var deadline: DeadlineAssessment?
    /// Identity verification of the current version.
    package var verification: Verification
    /// Scope needs a staff decision (the evidence was ambiguous).
    package var reviewNeeded: Bool
    /// What the operator must correct, field by field (from staff or from identity).
    package var corrections: [FieldViolation]
    /// When it was first submitted.
    package var submittedAt: Timestamp
    /// The civil date of submission (China), for date filters.
    package var submittedOn: CivilDate
    /// When it last changed.
    package var updatedAt: Timestamp

    /// Creates a record.
    package init(filing: Filing, scope: ScopeDecision, deadline: DeadlineAssessment?, verification: Verification,
                 reviewNeeded: Bool, corrections: [FieldViolation] = [], submittedAt: Timestamp,
                 submittedOn: CivilDate, updatedAt: Timestamp) {
        self.filing = filing
        self.scope = scope
        self.deadline = deadline
        self.verification = verification
        self.reviewNeeded = reviewNeeded
        self.corrections = corrections
        self.submittedAt = submittedAt
        self.submittedOn = submittedOn
        self.updatedAt = updatedAt
    }
}

/// Identity verification of a filing's numbers (身份核验).
package struct Verification: Sendable, Hashable, Codable {
    /// Where it stands.
    package var state: VerificationState
    /// When identity last answered for this filing.
    package var checkedAt: Timestamp?
    /// Problems identity found (field violations), when `invalid`.
    package var problems: [FieldViolation]

    /// Creates a verification record.
    package init(state: VerificationState, checkedAt: Timestamp? = nil, problems: [FieldViolation] = []) {
        self.state = state
        self.checkedAt = checkedAt
        self.problems = problems
    }
}

/// States of identity verification.
package enum VerificationState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Identity was unavailable; the background job will verify (待核验).
    case pending
    /// Every number is valid (已核验).
    case verified
    /// A number was found invalid after submission (核验未通过): the filing needs correction.
    case invalid
}

/// One entry of a filing's history (办理记录): every change, including ones that make no
/// version (identity verification results).
package struct FilingHistoryEntry: Sendable, Hashable, Codable {
    /// When.
    package var at: Timestamp
    /// Who (a staff member, `operator`, or the service itself).
    package var actor: String
    /// What: `submit`, `verify`, `accept`, `return_for_correction`, ...
    package var action: String
    /// The version it created, if any.
    package var version: Int?
    /// Details (masked; no personal numbers).
    package var details: [String: String]

    /// Creates an entry.
    package init(at: Timestamp, actor: String, action: String, version: Int?, details: [String: String] = [:]) {
        self.at = at
        self.actor = actor
        self.action = action
        self.version = version
        self.details = details
    }
}
