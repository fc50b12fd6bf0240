/// Operator (备案人): the unit or individual who runs a website, app, mini program or account.
///
/// Encodes with a discriminator: `{"kind": "unit", "name": ..., ...}` or
/// `{"kind": "individual", ...}`.
package enum Operator: Hashable, Sendable {
    /// A unit (单位): organ, enterprise, mass organization, media or other organization.
    case unit(UnitOperator)
    /// An individual (个人).
    case individual(IndividualOperator)

    /// The operator kind without its details.
    package var kind: OperatorKind {
        switch self {
        case .unit: .unit
        case .individual: .individual
        }
    }

    /// The unit's or person's name.
    package var name: String {
        switch self {
        case .unit(let unit): unit.name
        case .individual(let person): person.name
        }
    }

    /// Whether accounts opened by this operator are government media (政务新媒体): opened by
    /// party/government bodies, state enterprises, public institutions, people's organizations,
    /// or by public servants in their official capacity (Gejiu measures, art. 2).
    package var isGovernment: Bool {
        switch self {
        case .unit(let unit): unit.isGovernment
        case .individual(let person): person.isPublicServant && person.officialCapacity
        }
    }
}

/// Unit or individual.
package enum OperatorKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 单位.
    case unit
    /// 个人.
    case individual

    /// Chinese label (as forms and lists print it).
    package var zh: String {
        switch self {
        case .unit: "单位"
        case .individual: "个人"
        }
    }
}

/// A unit operator (以单位名义开设), as on the Hengdong unit form.
package struct UnitOperator: Hashable, Sendable, Codable {
    /// Unit name (单位名称), as on its licence or seal.
    package var name: String
    /// Unit type (单位类型) as the form lists them.
    package var unitType: UnitType
    /// Public-sector status, when the unit is one (decides "government media").
    package var publicSector: PublicSector?
    /// Unified social credit code (统一社会信用代码), 18 characters, when known.
    package var creditCode: String?
    /// Former organization code (组织机构代码), 9 characters, when there is no credit code.
    package var organizationCode: String?
    /// Legal representative (法人代表).
    package var legalRepresentative: String?
    /// Address (地址).
    package var address: String?
    /// Person responsible for operations (运维负责人; Hengdong: the unit's principal).
    package var responsiblePerson: ResponsiblePerson

    /// Creates a unit operator.
    package init(name: String, unitType: UnitType, publicSector: PublicSector? = nil, creditCode: String? = nil,
                 organizationCode: String? = nil, legalRepresentative: String? = nil, address: String? = nil,
                 responsiblePerson: ResponsiblePerson) {
        self.name = name
        self.unitType = unitType
        self.publicSector = publicSector
        self.creditCode = creditCode
        self.organizationCode = organizationCode
        self.legalRepresentative = legalRepresentative
        self.address = address
        self.responsiblePerson = responsiblePerson
    }

    /// Government unit: an organ (机关 are party or government bodies) or any public-sector unit.
    package var isGovernment: Bool { unitType == .organ || publicSector != nil }
}

/// Person responsible for a unit's account (运维负责人 / 主要负责人).
package struct ResponsiblePerson: Hashable, Sendable, Codable {
    /// Name.
    package var name: String
    /// Resident ID number (身份证号), normalized (uppercase X).
    package var idNumber: String
    /// Mainland mobile number, 11 digits.
    package var mobile: String
    /// WeChat id (微信号).
    package var wechat: String?

    /// Creates a responsible person.
    package init(name: String, idNumber: String, mobile: String, wechat: String? = nil) {
        self.name = name
        self.idNumber = idNumber
        self.mobile = mobile
        self.wechat = wechat
    }
}

/// An individual operator (个人开设), as on the Hengdong individual form.
package struct IndividualOperator: Hashable, Sendable, Codable {
    /// Name (负责人姓名).
    package var name: String
    /// Resident ID number (身份证号).
    package var idNumber: String
    /// Mainland mobile number.
    package var mobile: String
    /// WeChat id.
    package var wechat: String?
    /// Work unit (工作单位).
    package var workUnit: String?
    /// Whether the person is a public servant (公职人员).
    package var isPublicServant: Bool
    /// Whether the account is opened in the public servant's official capacity (以职务身份开设), or
    /// shows the unit and post (Shangluo 2.(2)).
    package var officialCapacity: Bool

    /// Creates an individual operator.
    package init(name: String, idNumber: String, mobile: String, wechat: String? = nil, workUnit: String? = nil,
                 isPublicServant: Bool = false, officialCapacity: Bool = false) {
        self.name = name
        self.idNumber = idNumber
        self.mobile = mobile
        self.wechat = wechat
        self.workUnit = workUnit
        self.isPublicServant = isPublicServant
        self.officialCapacity = officialCapacity
    }
}
