import BeianModel

/// `TransferFiling` (head): hand a filing submitted to the wrong office (属地管理) to the right
/// office's intake.
///
/// ```json
/// {"filing_id": "440783-7K2MQXW4TRA9", "target_office": "130500", "reason": "账号注册地在邢台"}
/// ```
///
/// The target office checks the filing against its own scope rules: when they say it is not its
/// business (out of scope, or filed elsewhere) the transfer is refused (FAILED_PRECONDITION naming
/// its decision), unless the head confirms with `override_target_scope: true`.
package struct TransferFilingRequest: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// The office to hand it to (one of `BEIAN_PEER_INTAKES`).
    package var targetOffice: String?
    /// Why (recorded on both sides).
    package var reason: String?
    /// Transfer even though the target office's scope check says the filing is not its business.
    package var overrideTargetScope: Bool?

    /// Creates the message.
    package init(filingId: String, targetOffice: String?, reason: String?, overrideTargetScope: Bool? = nil) {
        self.filingId = filingId
        self.targetOffice = targetOffice
        self.reason = reason
        self.overrideTargetScope = overrideTargetScope
    }
}

/// A transfer as the sending office records it (`TransferFiling`, `GetTransfer`).
package struct TransferOutcome: Codable, Sendable, Hashable {
    /// The filing here.
    package var filingId: String
    /// Its status here now (`cancelled`: it ended here).
    package var status: FilingStatus
    /// Status in Chinese.
    package var statusZh: String
    /// The office it went to.
    package var targetOffice: String
    /// Its filing id there.
    package var targetFilingId: String
    /// The operator's access code there (give it to the operator; the old one stays valid here).
    package var targetAccessCode: String
    /// Why.
    package var reason: String
    /// When.
    package var transferredAt: Timestamp
    /// The target office's scope decision on the filing (nil when its intake did not report one).
    package var targetScope: ScopeOutcome?
    /// That decision's explanation in Chinese.
    package var targetScopeZh: String?
    /// That decision's explanation in English.
    package var targetScopeEn: String?
    /// True when the head transferred it although the target office found it out of its scope.
    package var targetScopeOverridden: Bool?
}

/// `GetTransfer`: where a transferred filing went (its operator with the old credentials, or staff).
package struct GetTransferRequest: Codable, Sendable, Hashable {
    /// The filing here.
    package var filingId: String

    /// Creates the message.
    package init(filingId: String) {
        self.filingId = filingId
    }
}

/// `ReceiveTransfer` (only the intake service of another office, by its certificate): creates the
/// filing here from the sending office's content. Keyed by `source_filing_id`: a retry returns the
/// filing created the first time.
package struct ReceiveTransferRequest: Codable, Sendable, Hashable {
    /// The sending office (must be the `O` of the caller's certificate).
    package var sourceOffice: String
    /// The filing there.
    package var sourceFilingId: String
    /// Why it was transferred.
    package var reason: String
    /// What the operator filed (whole: office to office over mutual TLS).
    package var content: FilingContent
    /// When the operator submitted it there.
    package var submittedAt: Timestamp
    /// The civil date of that submission (deadlines count it as the filing date).
    package var submittedOn: CivilDate
    /// Create it even when this office's scope check finds it out of scope or to be filed
    /// elsewhere (the sending head confirmed); otherwise such a transfer is refused with
    /// FAILED_PRECONDITION and a `scope_decision` detail.
    package var acceptOutOfScope: Bool?

    /// Creates the message.
    package init(sourceOffice: String, sourceFilingId: String, reason: String, content: FilingContent,
                 submittedAt: Timestamp, submittedOn: CivilDate, acceptOutOfScope: Bool? = nil) {
        self.sourceOffice = sourceOffice
        self.sourceFilingId = sourceFilingId
        self.reason = reason
        self.content = content
        self.submittedAt = submittedAt
        self.submittedOn = submittedOn
        self.acceptOutOfScope = acceptOutOfScope
    }
}

/// The detail of a `ReceiveTransfer` refused for scope, as `SubmitFiling`'s scope refusals carry it
/// plus the deciding office: `{"type": "scope_decision", "decision": {...}, "office": "440783"}`
/// (`ScopeDecision`); `TransferFiling` passes it on to the head.
package enum TransferScopeDetail {
    /// The detail's type.
    package static let type = "scope_decision"
}

/// The answer of `ReceiveTransfer`.
package struct ReceiveTransferResponse: Codable, Sendable, Hashable {
    /// The receiving office.
    package var officeCode: String
    /// The filing created here.
    package var filingId: String
    /// The operator's access code here.
    package var accessCode: String
    /// Its status (`submitted`, unless it changed since).
    package var status: FilingStatus
    /// This office's scope decision on it (nil from intakes that did not report it).
    package var scope: ScopeDecision?
}
