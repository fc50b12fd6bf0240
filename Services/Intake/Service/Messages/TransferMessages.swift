import BeianModel

/// `TransferFiling` (head): hand a filing submitted to the wrong office (属地管理) to the right
/// office's intake.
///
/// ```json
/// {"filing_id": "440783-7K2MQXW4TRA9", "target_office": "130500", "reason": "账号注册地在邢台"}
/// ```
package struct TransferFilingRequest: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// The office to hand it to (one of `BEIAN_PEER_INTAKES`).
    package var targetOffice: String?
    /// Why (recorded on both sides).
    package var reason: String?

    /// Creates the message.
    package init(filingId: String, targetOffice: String?, reason: String?) {
        self.filingId = filingId
        self.targetOffice = targetOffice
        self.reason = reason
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

    /// Creates the message.
    package init(sourceOffice: String, sourceFilingId: String, reason: String, content: FilingContent,
                 submittedAt: Timestamp, submittedOn: CivilDate) {
        self.sourceOffice = sourceOffice
        self.sourceFilingId = sourceFilingId
        self.reason = reason
        self.content = content
        self.submittedAt = submittedAt
        self.submittedOn = submittedOn
    }
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
}
