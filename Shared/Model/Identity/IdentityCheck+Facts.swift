/// The facts an identity check reads from a number: gender, region, person, organization.
extension IdentityCheck {
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
}
