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
}
