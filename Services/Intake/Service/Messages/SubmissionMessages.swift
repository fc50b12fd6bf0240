import BeianModel

/// The receipt of a submission (回执): keep the access code, it is shown only once.
///
/// ```json
/// {"filing_id": "440783-7K2MQXW4TRA9", "access_code": "7K2MQ-XW4TR-A9PLD-3HNVE", "status": "submitted",
///  "verification": "verified", "scope": {"outcome": "in_scope", ...}, "deadline": {...},
///  "missing_materials": [...], "review_needed": false, "version": 1}
/// ```
package struct SubmissionReceipt: Codable, Sendable, Hashable {
    /// The filing id (备案编号): present it in metadata `filing-id`.
    package var filingId: String
    /// The secret access code (查询码): present it in metadata `access-code`. Shown only here.
    package var accessCode: String
    /// Status after submission (`submitted`).
    package var status: FilingStatus
    /// Identity verification: `verified`, or `pending` while the identity service is unavailable.
    package var verification: VerificationState
    /// The scope decision with its evidence.
    package var scope: ScopeDecision
    /// Scope needs a staff decision.
    package var reviewNeeded: Bool
    /// The local office handling it, if any.
    package var localOfficeCode: String?
    /// The new-account deadline assessment.
    package var deadline: DeadlineAssessment?
    /// Required materials still missing.
    package var missingMaterials: [MaterialRule]
    /// Version number (1).
    package var version: Int
    /// When it was received.
    package var submittedAt: Timestamp
    /// What happens next, in Chinese.
    package var noticeZh: String
    /// What happens next, in English.
    package var noticeEn: String
}

/// `ResubmitFiling`: a corrected version after a return for correction (补正后重新提交).
package struct ResubmitFilingRequest: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// The whole corrected form.
    package var submission: FilingSubmission

    /// Creates the message.
    package init(filingId: String, submission: FilingSubmission) {
        self.filingId = filingId
        self.submission = submission
    }
}

/// `ChangeFiling`: filed facts changed (变更备案): a new version with the change's deadline.
package struct ChangeFilingRequest: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// When the change happened (`YYYY-MM-DD`); the deadline counts from it.
    package var changeDate: String?
    /// What changed (field paths or words); computed from the difference when left out.
    package var changedFields: [String]?
    /// Free description.
    package var description: String?
    /// The whole form as it is now.
    package var submission: FilingSubmission

    /// Creates the message.
    package init(filingId: String, changeDate: String?, changedFields: [String]? = nil, description: String? = nil,
                 submission: FilingSubmission) {
        self.filingId = filingId
        self.changeDate = changeDate
        self.changedFields = changedFields
        self.description = description
        self.submission = submission
    }
}

/// `CloseFiling`: the object was closed or cancelled on its platform (注销备案).
package struct CloseFilingRequest: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// When it was closed (`YYYY-MM-DD`); the deadline counts from it.
    package var closureDate: String?
    /// Why.
    package var reason: String?
    /// When the closure was announced (Gejiu), if it was.
    package var announcedOn: String?

    /// Creates the message.
    package init(filingId: String, closureDate: String?, reason: String? = nil, announcedOn: String? = nil) {
        self.filingId = filingId
        self.closureDate = closureDate
        self.reason = reason
        self.announcedOn = announcedOn
    }
}

/// The outcome of a change to a filing (review, resubmission, change, closure).
package struct FilingOutcome: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// Status now.
    package var status: FilingStatus
    /// Status in Chinese.
    package var statusZh: String
    /// Current version.
    package var version: Int
    /// Filing number (备案号), once accepted.
    package var filingNumber: String?
    /// Identity verification state.
    package var verification: VerificationState
    /// The deadline assessment of this event (a change's or a closure's own), else the filing's
    /// deadline on record.
    package var deadline: DeadlineAssessment?
    /// What the operator must correct.
    package var corrections: [FieldViolation]
    /// The staff note (reason of a return or rejection).
    package var staffNote: String?

    /// The outcome for a record.
    package init(_ record: IntakeFiling) {
        filingId = record.filing.id
        status = record.filing.status
        statusZh = record.filing.status.zh
        version = record.filing.version
        filingNumber = record.filing.filingNumber
        verification = record.verification.state
        deadline = record.deadline
        corrections = record.corrections
        staffNote = record.filing.staffNote
    }
}
