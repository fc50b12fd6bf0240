/// The answer to "must this be filed with this office?" (属地 / 备案范围), with its evidence.
package struct ScopeDecision: Hashable, Sendable, Codable {
    /// The outcome.
    package var outcome: ScopeOutcome
    /// Every rule that matched (or was checked and is worth showing), with its evidence.
    package var evidence: [ScopeEvidence]
    /// The follower-threshold check, when a threshold applies.
    package var threshold: ThresholdCheck?
    /// Where the object must be filed instead, when referred.
    package var referral: Referral?
    /// The local office responsible (属地), when the profile has local offices.
    package var routing: OfficeRouting?
    /// Short explanation in Chinese.
    package var summaryZh: String
    /// Short explanation in English.
    package var summaryEn: String
}

/// Outcome of a scope decision.
package enum ScopeOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// Must be filed with this office.
    case inScope = "in_scope"
    /// Not this office's business.
    case outOfScope = "out_of_scope"
    /// To be filed elsewhere (e.g. apps in Xingtai: the national public-security platform).
    case referredElsewhere = "referred_elsewhere"
    /// The evidence is ambiguous or incomplete: staff must decide.
    case needsStaffReview = "needs_staff_review"
}

/// One piece of evidence for a scope condition.
package struct ScopeEvidence: Hashable, Sendable, Codable {
    /// The condition it supports.
    package var condition: ScopeConditionKind
    /// What kind of evidence it is.
    package var basis: EvidenceBasis
    /// Snake_case field path it comes from, e.g. `object.name`, `operator.id_number`.
    package var field: String
    /// The place-name match, for `place_name` evidence.
    package var placeMatch: PlaceMatch?
    /// The division code read from the ID or credit code, for `region_code` evidence.
    package var regionCode: String?
    /// The territory code it falls under (e.g. `1305` for 邢台市).
    package var territoryCode: String?
    /// Whether this evidence alone cannot decide (then staff review).
    package var ambiguous: Bool
    /// Explanation (English).
    package var note: String
}

/// Kinds of scope evidence.
package enum EvidenceBasis: String, Hashable, Sendable, Codable, CaseIterable {
    /// A place name found in a text field.
    case placeName = "place_name"
    /// A division code in an ID number or credit code.
    case regionCode = "region_code"
    /// A fact the operator declared.
    case declaredFact = "declared_fact"
    /// A property of the object (e.g. a local branch of an outside site).
    case objectProperty = "object_property"
}

/// The follower-threshold check (粉丝量…以上, inclusive).
package struct ThresholdCheck: Hashable, Sendable, Codable {
    /// The account's platform.
    package var platform: Platform
    /// Followers declared, when known.
    package var followers: Int?
    /// The threshold (inclusive).
    package var minimumFollowers: Int
    /// `followers >= minimumFollowers`, or nil when followers are unknown.
    package var met: Bool?
    /// The notice's words.
    package var wording: String
}

/// Which local office handles the filing (属地管理).
package struct OfficeRouting: Hashable, Sendable, Codable {
    /// The local office's id, or nil for the city office itself.
    package var localOfficeId: String?
    /// Its name.
    package var nameZh: String?
    /// How it was chosen (English).
    package var basis: String
    /// Every local office that some evidence pointed to.
    package var candidates: [String]
}
