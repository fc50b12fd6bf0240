import BeianModel

/// `ReviewFiling` (审核): accept, return for correction, or reject.
///
/// ```json
/// {"filing_id": "...", "decision": "return_for_correction",
///  "corrections": [{"field": "object.name", "reason": "名称与营业执照不符"}]}
/// ```
package struct ReviewFilingRequest: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// `accept`, `return_for_correction` or `reject`.
    package var decision: String
    /// The reason (required to reject; summarizes a return).
    package var reason: String?
    /// What to correct, per field (a return needs a reason or at least one).
    package var corrections: [CorrectionRequest]?

    /// Creates the message.
    package init(filingId: String, decision: String, reason: String? = nil, corrections: [CorrectionRequest]? = nil) {
        self.filingId = filingId
        self.decision = decision
        self.reason = reason
        self.corrections = corrections
    }
}

/// One field to correct, as staff write it.
package struct CorrectionRequest: Codable, Sendable, Hashable {
    /// Field path, e.g. `object.name`.
    package var field: String
    /// The reason (any language); or give `zh` and `en`.
    package var reason: String?
    /// Chinese text.
    package var zh: String?
    /// English text.
    package var en: String?
    /// A rule code (default `staff_correction`).
    package var rule: String?

    /// Creates the message.
    package init(field: String, reason: String? = nil, zh: String? = nil, en: String? = nil, rule: String? = nil) {
        self.field = field
        self.reason = reason
        self.zh = zh
        self.en = en
        self.rule = rule
    }
}
