/// A filing deadline of an office (…内完成备案).
package struct DeadlineRule: Hashable, Sendable, Codable {
    /// What starts the period.
    package var event: DeadlineEvent
    /// The period, exactly as the notice counts it.
    package var period: Period
    /// Which operators it applies to.
    package var appliesTo: OperatorScope
    /// Only for objects holding a news licence (Gejiu art. 8 for non-government media).
    package var newsLicenceOnly: Bool?
    /// The notice's words.
    package var wording: String
}

/// Events that start a filing deadline.
package enum DeadlineEvent: String, Hashable, Sendable, Codable, CaseIterable {
    /// Opening or registration of a new account, site or app (新开通 / 注册).
    case newAccount = "new_account"
    /// A change of filed information (变更).
    case change
    /// Closure (关闭 / 注销).
    case closure
    /// Approval of a government-media account by the principal leader (Gejiu art. 5).
    case governmentMediaApproval = "government_media_approval"
}

/// Which operators a rule applies to.
package enum OperatorScope: String, Hashable, Sendable, Codable, CaseIterable {
    /// Everyone.
    case all
    /// Units.
    case unit
    /// Individuals.
    case individual
    /// Government media (政务新媒体), units or public servants in official capacity.
    case government
    /// Everyone else (非政务新媒体).
    case nonGovernment = "non_government"
    /// Public servants opening in official capacity.
    case publicServantOfficial = "public_servant_official"

    /// Whether `op` falls under this scope.
    package func includes(_ op: Operator) -> Bool {
        switch self {
        case .all: true
        case .unit: op.kind == .unit
        case .individual: op.kind == .individual
        case .government: op.isGovernment
        case .nonGovernment: !op.isGovernment
        case .publicServantOfficial:
            if case .individual(let person) = op { person.isPublicServant && person.officialCapacity } else { false }
        }
    }

    /// How narrowly the scope picks operators: lower is more specific. When several rules
    /// include an operator, the most specific one applies.
    package var specificity: Int {
        switch self {
        case .publicServantOfficial: 0
        case .government, .nonGovernment: 1
        case .unit, .individual: 2
        case .all: 3
        }
    }
}

/// A material requirement: one document of any of the listed kinds.
package struct MaterialRule: Hashable, Sendable, Codable {
    /// Which operators must provide it.
    package var appliesTo: OperatorScope
    /// Acceptable kinds (any one satisfies).
    package var anyOf: [MaterialKind]
    /// When set, required only in this situation (staff judge it), e.g. education or health units.
    package var when: String?
    /// The notice's words.
    package var wording: String
}
