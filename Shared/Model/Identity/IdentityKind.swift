/// The kind of identity number (证件号码类型) a string is, or is checked as.
///
/// Raw values are the stable wire names (snake_case).
package enum IdentityKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Resident identity number (公民身份号码), 18 characters, GB 11643-1999.
    case residentID = "resident_id"
    /// Legacy 15-digit resident identity number (15 位旧身份证号码), upgraded to 18 characters.
    case legacyResidentID = "legacy_resident_id"
    /// Residence permit for Hong Kong, Macao or Taiwan residents (港澳台居民居住证), address code
    /// 810000, 820000 or 830000, otherwise built like a resident identity number.
    case residencePermit = "residence_permit"
    /// Foreigner's permanent residence identity card, 2023 version (外国人永久居留身份证), 18
    /// characters starting with 9.
    case foreignPermanentResidentID = "foreign_permanent_resident_id"
    /// Organization code (组织机构代码), 9 characters, GB 11714-1997.
    case organizationCode = "organization_code"
    /// Unified social credit code (统一社会信用代码), 18 characters, GB 32100-2015.
    case unifiedSocialCreditCode = "unified_social_credit_code"
    /// Not the shape of any kind above.
    case unrecognized

    /// Chinese name of the kind.
    package var chineseName: String {
        switch self {
        case .residentID: "公民身份号码"
        case .legacyResidentID: "15 位公民身份号码"
        case .residencePermit: "港澳台居民居住证号码"
        case .foreignPermanentResidentID: "外国人永久居留身份证号码"
        case .organizationCode: "组织机构代码"
        case .unifiedSocialCreditCode: "统一社会信用代码"
        case .unrecognized: "无法识别的号码"
        }
    }

    /// English name of the kind.
    package var englishName: String {
        switch self {
        case .residentID: "resident identity number"
        case .legacyResidentID: "15-digit resident identity number"
        case .residencePermit: "Hong Kong, Macao or Taiwan residence permit number"
        case .foreignPermanentResidentID: "foreigner's permanent residence ID number"
        case .organizationCode: "organization code"
        case .unifiedSocialCreditCode: "unified social credit code"
        case .unrecognized: "unrecognized number"
        }
    }

    /// Number of characters of the kind once normalized (`nil` for `unrecognized`).
    package var length: Int? {
        switch self {
        case .residentID, .residencePermit, .foreignPermanentResidentID, .unifiedSocialCreditCode: 18
        case .legacyResidentID: 15
        case .organizationCode: 9
        case .unrecognized: nil
        }
    }
}
