/// A filing as sent by a form or client, before validation (every field optional so that
/// decoding never stops at the first gap and validation can report every problem at once).
/// Enum fields are strings here and checked by `SubmissionValidator`.
package struct FilingSubmission: Hashable, Sendable, Codable {
    /// Division code of the office filed with (e.g. `440783`).
    package var officeCode: String?
    /// Local office id, when the operator chose one.
    package var localOfficeCode: String?
    /// The operator.
    package var `operator`: OperatorInput?
    /// The object.
    package var object: ObjectInput?
    /// Material references.
    package var materials: [MaterialInput]?
    /// Declared scope facts.
    package var scopeFacts: DeclaredScopeFacts?

    /// Creates a submission.
    package init(officeCode: String? = nil, localOfficeCode: String? = nil, operator: OperatorInput? = nil,
                 object: ObjectInput? = nil, materials: [MaterialInput]? = nil, scopeFacts: DeclaredScopeFacts? = nil) {
        self.officeCode = officeCode
        self.localOfficeCode = localOfficeCode
        self.operator = `operator`
        self.object = object
        self.materials = materials
        self.scopeFacts = scopeFacts
    }
}

/// Operator fields as typed (unit and individual fields together; `kind` says which apply).
package struct OperatorInput: Hashable, Sendable, Codable {
    /// `unit` or `individual`.
    package var kind: String?
    /// Unit name or person's name.
    package var name: String?
    /// Unit: `organ`, `enterprise`, `mass_organization`, `media`, `other`.
    package var unitType: String?
    /// Unit: `party_government_body`, `state_enterprise`, `public_institution`, `peoples_organization`.
    package var publicSector: String?
    /// Unit: unified social credit code.
    package var creditCode: String?
    /// Unit: organization code.
    package var organizationCode: String?
    /// Unit: legal representative.
    package var legalRepresentative: String?
    /// Unit: address.
    package var address: String?
    /// Unit: person responsible for operations.
    package var responsiblePerson: PersonInput?
    /// Individual: ID number.
    package var idNumber: String?
    /// Individual: mobile.
    package var mobile: String?
    /// Individual: WeChat id.
    package var wechat: String?
    /// Individual: work unit.
    package var workUnit: String?
    /// Individual: public servant.
    package var isPublicServant: Bool?
    /// Individual: opened in official capacity.
    package var officialCapacity: Bool?

    /// Creates operator input.
    package init(kind: String? = nil, name: String? = nil, unitType: String? = nil, publicSector: String? = nil,
                 creditCode: String? = nil, organizationCode: String? = nil, legalRepresentative: String? = nil,
                 address: String? = nil, responsiblePerson: PersonInput? = nil, idNumber: String? = nil,
                 mobile: String? = nil, wechat: String? = nil, workUnit: String? = nil, isPublicServant: Bool? = nil,
                 officialCapacity: Bool? = nil) {
        self.kind = kind
        self.name = name
        self.unitType = unitType
        self.publicSector = publicSector
        self.creditCode = creditCode
        self.organizationCode = organizationCode
        self.legalRepresentative = legalRepresentative
        self.address = address
        self.responsiblePerson = responsiblePerson
        self.idNumber = idNumber
        self.mobile = mobile
        self.wechat = wechat
        self.workUnit = workUnit
        self.isPublicServant = isPublicServant
        self.officialCapacity = officialCapacity
    }
}

/// A person's fields as typed (responsible person).
package struct PersonInput: Hashable, Sendable, Codable {
    /// Name.
    package var name: String?
    /// ID number.
    package var idNumber: String?
    /// Mobile.
    package var mobile: String?
    /// WeChat id.
    package var wechat: String?

    /// Creates person input.
    package init(name: String? = nil, idNumber: String? = nil, mobile: String? = nil, wechat: String? = nil) {
        self.name = name
        self.idNumber = idNumber
        self.mobile = mobile
        self.wechat = wechat
    }
}

/// An administrator's fields as typed.
package struct AdministratorInput: Hashable, Sendable, Codable {
    /// Name.
    package var name: String?
    /// Mobile.
    package var mobile: String?
    /// E-mail.
    package var email: String?
    /// WeChat id.
    package var wechat: String?

    /// Creates administrator input.
    package init(name: String? = nil, mobile: String? = nil, email: String? = nil, wechat: String? = nil) {
        self.name = name
        self.mobile = mobile
        self.email = email
        self.wechat = wechat
    }
}

/// A material reference as sent.
package struct MaterialInput: Hashable, Sendable, Codable {
    /// `MaterialKind` raw value.
    package var kind: String?
    /// SHA-256, hex.
    package var sha256: String?
    /// Size in bytes.
    package var size: Int?
    /// Media type.
    package var mediaType: String?
    /// File name.
    package var fileName: String?

    /// Creates material input.
    package init(kind: String? = nil, sha256: String? = nil, size: Int? = nil, mediaType: String? = nil,
                 fileName: String? = nil) {
        self.kind = kind
        self.sha256 = sha256
        self.size = size
        self.mediaType = mediaType
        self.fileName = fileName
    }
}
