/// Unit type (单位类型) as the Hengdong unit form lists them: 机关、企业、群众团体、媒体、其他组织.
package enum UnitType: String, Hashable, Sendable, Codable, CaseIterable {
    /// 机关: party or government organ.
    case organ
    /// 企业: enterprise.
    case enterprise
    /// 群众团体: mass organization.
    case massOrganization = "mass_organization"
    /// 媒体: media.
    case media
    /// 其他组织: other organization.
    case other

    /// The form's Chinese label.
    package var zh: String {
        switch self {
        case .organ: "机关"
        case .enterprise: "企业"
        case .massOrganization: "群众团体"
        case .media: "媒体"
        case .other: "其他组织"
        }
    }
}

/// Public-sector status of a unit, which makes its accounts government media (Gejiu art. 2).
package enum PublicSector: String, Hashable, Sendable, Codable, CaseIterable {
    /// 党政机关: party or government body.
    case partyGovernmentBody = "party_government_body"
    /// 国有企业: state enterprise.
    case stateEnterprise = "state_enterprise"
    /// 事业单位: public institution.
    case publicInstitution = "public_institution"
    /// 人民团体: people's organization (trade unions, Youth League, Women's Federation...).
    case peoplesOrganization = "peoples_organization"

    /// Chinese label.
    package var zh: String {
        switch self {
        case .partyGovernmentBody: "党政机关"
        case .stateEnterprise: "国有企业"
        case .publicInstitution: "事业单位"
        case .peoplesOrganization: "人民团体"
        }
    }
}
