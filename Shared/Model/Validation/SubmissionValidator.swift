/// A submission that passed validation: normalized values, ready to become a filing.
package struct ValidatedSubmission: Hashable, Sendable, Codable {
    /// Office division code (6 digits).
    package var officeCode: String
    /// Local office id, when given.
    package var localOfficeCode: String?
    /// The normalized content.
    package var content: FilingContent
}

/// Validation of filing submissions: reports every violation at once, and returns the
/// normalized (`TextNormalization`) values that are then stored.
///
/// ID numbers and credit codes are only checked for presence and normalized here; their
/// checksums belong to the identity checks.
package enum SubmissionValidator {
    /// Maximum lengths (characters) for names and long texts.
    package static let nameLimit = 100
    /// Maximum length of addresses.
    package static let addressLimit = 200
    /// Maximum length of descriptions.
    package static let descriptionLimit = 2000

    /// Validates a whole submission. `today` is the office's current civil date (dates must
    /// not be after it).
    package static func validate(_ submission: FilingSubmission, today: CivilDate)
        throws(ValidationFailure) -> ValidatedSubmission {
        var list = ViolationList()
        let office = list.requiredCode(submission.officeCode, "office_code", "网信办代码", "Office code")
        if let office, !(office.count == 6 && office.allSatisfy { $0.isASCII && $0.isNumber }) {
            list.add("office_code", "division_code_format", zh: "网信办代码应为6位行政区划代码",
                     en: "office code must be a 6-digit division code")
        }
        let local = submission.localOfficeCode.map(TextNormalization.code).flatMap { $0.isEmpty ? nil : $0 }
        let op = validateOperator(submission.operator, into: &list)
        let object = validateObject(submission.object, today: today, into: &list)
        let materials = validateMaterials(submission.materials ?? [], into: &list)
        guard list.isEmpty, let office, let op, let object else {
            throw ValidationFailure(violations: list.violations)
        }
        let content = FilingContent(operator: op, object: object, materials: materials,
                                    scopeFacts: submission.scopeFacts ?? DeclaredScopeFacts())
        return ValidatedSubmission(officeCode: office, localOfficeCode: local, content: content)
    }

    /// Validates operator input under the path `operator`; nil when anything is wrong.
    package static func validateOperator(_ input: OperatorInput?, into list: inout ViolationList) -> Operator? {
        guard let input else {
            list.required("operator", "备案人信息", "Operator")
            return nil
        }
        let kind = list.requiredEnum(OperatorKind.self, input.kind, "operator.kind", "备案人类型", "Operator kind")
        switch kind {
        case .unit: return validateUnit(input, into: &list).map(Operator.unit)
        case .individual: return validateIndividual(input, into: &list).map(Operator.individual)
        case nil: return nil
        }
    }

    private static func validateUnit(_ input: OperatorInput, into list: inout ViolationList) -> UnitOperator? {
        let before = list.violations.count
        let name = list.requiredText(input.name, "operator.name", "单位名称", "Unit name", maxLength: nameLimit)
        let type = list.requiredEnum(UnitType.self, input.unitType, "operator.unit_type", "单位类型", "Unit type")
        let sector = list.optionalEnum(PublicSector.self, input.publicSector, "operator.public_sector",
                                       "公共部门类别", "Public sector")
        let credit = input.creditCode.map(TextNormalization.code).flatMap { $0.isEmpty ? nil : $0 }
        let orgCode = input.organizationCode.map(TextNormalization.code).flatMap { $0.isEmpty ? nil : $0 }
        if credit == nil && orgCode == nil {
            list.add("operator.credit_code", "required", zh: "统一社会信用代码或组织机构代码不能为空",
                     en: "Unified social credit code or organization code is required")
        }
        let legal = list.optionalText(input.legalRepresentative, "operator.legal_representative", "法人代表",
                                      "Legal representative", maxLength: nameLimit)
        let address = list.optionalText(input.address, "operator.address", "地址", "Address", maxLength: addressLimit)
        let person = validatePerson(input.responsiblePerson, "operator.responsible_person", into: &list)
        guard list.violations.count == before, let name, let type, let person else { return nil }
        return UnitOperator(name: name, unitType: type, publicSector: sector, creditCode: credit,
                            organizationCode: orgCode, legalRepresentative: legal, address: address,
                            responsiblePerson: person)
    }

    private static func validatePerson(_ input: PersonInput?, _ path: String,
                                       into list: inout ViolationList) -> ResponsiblePerson? {
        guard let input else {
            list.required(path, "运维负责人", "Responsible person")
            return nil
        }
        let name = list.requiredText(input.name, "\(path).name", "负责人姓名", "Name", maxLength: nameLimit)
        let id = list.requiredCode(input.idNumber, "\(path).id_number", "身份证号", "ID number", maxLength: 18)
        let mobile = list.requiredMobile(input.mobile, "\(path).mobile")
        let wechat = list.optionalWeChat(input.wechat, "\(path).wechat")
        guard let name, let id, let mobile else { return nil }
        return ResponsiblePerson(name: name, idNumber: id, mobile: mobile, wechat: wechat)
    }

    private static func validateIndividual(_ input: OperatorInput, into list: inout ViolationList) -> IndividualOperator? {
        let before = list.violations.count
        let name = list.requiredText(input.name, "operator.name", "姓名", "Name", maxLength: nameLimit)
        let id = list.requiredCode(input.idNumber, "operator.id_number", "身份证号", "ID number", maxLength: 18)
        let mobile = list.requiredMobile(input.mobile, "operator.mobile")
        let wechat = list.optionalWeChat(input.wechat, "operator.wechat")
        let unit = list.optionalText(input.workUnit, "operator.work_unit", "工作单位", "Work unit", maxLength: nameLimit)
        let servant = input.isPublicServant ?? false
        let official = input.officialCapacity ?? false
        if official && !servant {
            list.add("operator.official_capacity", "official_capacity_needs_public_servant",
                     zh: "只有公职人员才能以职务身份开设", en: "only a public servant can open an account in official capacity")
        }
        guard list.violations.count == before, let name, let id, let mobile else { return nil }
        return IndividualOperator(name: name, idNumber: id, mobile: mobile, wechat: wechat, workUnit: unit,
                                  isPublicServant: servant, officialCapacity: official)
    }

    /// Validates material references under `materials[i]`.
    package static func validateMaterials(_ inputs: [MaterialInput], into list: inout ViolationList) -> [MaterialReference] {
        var result: [MaterialReference] = []
        for (index, input) in inputs.enumerated() {
            let path = "materials[\(index)]"
            let kind = list.requiredEnum(MaterialKind.self, input.kind, "\(path).kind", "材料类型", "Material kind")
            let hash = input.sha256.map { TextNormalization.code($0).lowercased() } ?? ""
            if hash.isEmpty {
                list.required("\(path).sha256", "文件摘要", "SHA-256")
            } else if hash.count != 64 || !hash.allSatisfy({ $0.isHexDigit && $0.isASCII }) {
                list.add("\(path).sha256", "sha256_format", zh: "文件摘要应为64位十六进制",
                         en: "SHA-256 must be 64 hexadecimal digits")
            }
            if let size = input.size, size < 0 {
                list.add("\(path).size", "size_negative", zh: "文件大小不能为负数", en: "size must not be negative")
            } else if input.size == nil {
                list.required("\(path).size", "文件大小", "Size")
            }
            let media = list.requiredText(input.mediaType, "\(path).media_type", "文件类型", "Media type", maxLength: 100)
            let file = list.optionalText(input.fileName, "\(path).file_name", "文件名", "File name", maxLength: 255)
            if let kind, let media, let size = input.size, size >= 0, hash.count == 64 {
                result.append(MaterialReference(kind: kind, sha256: hash, size: size, mediaType: media.lowercased(),
                                                fileName: file))
            }
        }
        return result
    }
}
