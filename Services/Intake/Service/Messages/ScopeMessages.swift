import BeianModel

/// The answer of `CheckScope` (备案范围预检): what would happen to this submission, without filing it.
package struct ScopeCheckResponse: Codable, Sendable {
    /// The office asked.
    package var officeCode: String
    /// `in_scope`, `out_of_scope`, `referred_elsewhere` or `needs_staff_review`, with evidence.
    package var scope: ScopeDecision
    /// Whether `SubmitFiling` would file it here.
    package var wouldFile: Bool
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
