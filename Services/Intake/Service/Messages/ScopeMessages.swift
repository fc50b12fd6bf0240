import BeianModel

/// The answer of `CheckScope` (备案范围预检): what would happen to this submission, without filing it.
package struct ScopeCheckResponse: Codable, Sendable {
    /// The office asked.
    package var officeCode: String
    /// `in_scope`, `out_of_scope`, `referred_elsewhere` or `needs_staff_review`, with evidence.
    package var scope: ScopeDecision
    /// Whether `SubmitFiling` would file it here: in scope (or for staff to decide) and not refused
    /// for another reason (`refusals`).
    package var wouldFile: Bool
    /// Why `SubmitFiling` would refuse it besides scope, with the field, rule and words of its
    /// error: `already_filed` when a live filing of this office holds the account or website
    /// (ALREADY_EXISTS). Absent (nil) from services that predate it.
    package var refusals: [FieldViolation]?
    /// Whether staff would have to confirm scope.
    package var reviewNeeded: Bool
    /// The local office it would go to, if any.
    package var localOfficeCode: String?
    /// The new-account deadline, when the registration date is known.
    package var deadline: DeadlineAssessment?
    /// Required materials not attached.
    package var missingMaterials: [MaterialRule]
    /// Materials required only in situations staff judge.
    package var conditionalMaterials: [MaterialRule]
}
