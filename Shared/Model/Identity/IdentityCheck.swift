/// The result of checking an identity number (证件号码校验结果): verdict, kind, normalized form,
/// reasons and warnings, and the facts read from the number.
///
/// Codable with camelCase properties; the product's coders turn keys into snake_case, e.g.
/// `{"valid": true, "kind": "resident_id", "normalized": "11010519491231002X", "person":
/// {"birth_date": "1949-12-31", "gender": "female", "region": {...}}, ...}`.
package struct IdentityCheck: Sendable, Hashable, Codable {
    /// Whether the number is valid for its kind (no reasons). Warnings do not make it invalid.
    package var valid: Bool { reasons.isEmpty }
    /// The kind it was checked as or detected as.
    package var kind: IdentityKind
    /// The input after normalization (full-width folded, spaces and hyphens removed, uppercase).
    package var normalized: String
    /// The 18-character form of a legacy 15-digit number (升位后的号码), when it could be built.
    package var upgraded: String?
    /// Why it is invalid; empty when valid.
    package var reasons: [IdentityIssue]
    /// What is odd but acceptable.
    package var warnings: [IdentityIssue]
    /// Facts about a person's number (birth date, gender, region), as far as they could be read.
    package var person: Person?
    /// Facts about an organization's code (authority, type, region, embedded organization code).
    package var organization: Organization?

    /// A result with no facts yet.
    package init(kind: IdentityKind, normalized: String, reasons: [IdentityIssue] = [],
                 warnings: [IdentityIssue] = [], upgraded: String? = nil,
                 person: Person? = nil, organization: Organization? = nil) {
        self.kind = kind
        self.normalized = normalized
        self.upgraded = upgraded
        self.reasons = reasons
        self.warnings = warnings
        self.person = person
        self.organization = organization
    }

    /// Gender read from the sequence code (顺序码): odd is male, even is female.
    package enum Gender: String, Sendable, Hashable, Codable, CaseIterable {
        /// 男.
        case male
        /// 女.
        case female
    }

    /// Whether a division code is still in use (现行) or was retired (已撤销).
    package enum RegionStatus: String, Sendable, Hashable, Codable, CaseIterable {
        /// 现行.
        case current
        /// 已撤销或已变更.
        case retired
    }

    /// An administrative division read from a number, named as it was at the time.
    package struct Region: Sendable, Hashable, Codable {
        /// Six-digit code as written in the number (e.g. "130502"); for a foreigner's card the
        /// province code padded to six digits ("110000").
        package var code: String
        /// Name at the time (e.g. 桥东区 for 130502 before 2020); `nil` when the code is not known.
        package var name: String?
        /// Name with its province and prefecture (e.g. 河北省邢台市桥东区), if known.
        package var fullName: String?
        /// Current or retired; `nil` when the code is not known.
        package var status: RegionStatus?
        /// First year the chosen name was in use, if recorded.
        package var nameFrom: Int?
        /// Last year the chosen name was in use (`nil` while still in use).
        package var nameUntil: Int?
    }

    /// Facts read from a person's number.
    package struct Person: Sendable, Hashable, Codable {
        /// Birth date as YYYY-MM-DD, when it is a real date.
        package var birthDate: String?
        /// Gender from the sequence code.
        package var gender: Gender?
        /// Address code (地址码) with its name at the time; the accepting province for a foreigner's card.
        package var region: Region?
        /// Three-digit nationality code (国籍代码, ISO 3166-1 numeric) of a foreigner's card.
        package var nationalityCode: String?
    }

    /// Facts read from an organization's code.
    package struct Organization: Sendable, Hashable, Codable {
        /// Registration authority code (登记管理部门代码), credit codes only.
        package var authorityCode: String?
        /// Registration authority name, e.g. 工商.
        package var authorityName: String?
        /// Organization type code (机构类别代码), credit codes only.
        package var typeCode: String?
        /// Organization type name, e.g. 企业.
        package var typeName: String?
        /// Registration authority's region (登记管理机关行政区划码), credit codes only.
        package var region: Region?
        /// The 9-character organization code (组织机构代码 / 主体标识码).
        package var organizationCode: String?
        /// Whether that organization code satisfies its own GB 11714 check character.
        package var organizationCodeValid: Bool?
    }

    private enum CodingKeys: String, CodingKey {
        case valid, kind, normalized, upgraded, reasons, warnings, person, organization
    }

    /// Decodes a result (`valid` is derived from the reasons, not read).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _ = try container.decodeIfPresent(Bool.self, forKey: .valid)  // derived; read so message shapes list it
        kind = try container.decode(IdentityKind.self, forKey: .kind)
        normalized = try container.decode(String.self, forKey: .normalized)
        upgraded = try container.decodeIfPresent(String.self, forKey: .upgraded)
        reasons = try container.decodeIfPresent([IdentityIssue].self, forKey: .reasons) ?? []
        warnings = try container.decodeIfPresent([IdentityIssue].self, forKey: .warnings) ?? []
        person = try container.decodeIfPresent(Person.self, forKey: .person)
        organization = try container.decodeIfPresent(Organization.self, forKey: .organization)
    }

    /// Encodes a result, `valid` included.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(valid, forKey: .valid)
        try container.encode(kind, forKey: .kind)
        try container.encode(normalized, forKey: .normalized)
        try container.encodeIfPresent(upgraded, forKey: .upgraded)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(warnings, forKey: .warnings)
        try container.encodeIfPresent(person, forKey: .person)
        try container.encodeIfPresent(organization, forKey: .organization)
    }
}
