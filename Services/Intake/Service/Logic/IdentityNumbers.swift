import BeianModel

/// Which identity numbers of a filing go to the identity service, and what its answers mean for
/// each field.
package enum IdentityNumbers {
    /// Kinds a person's ID field accepts (resident ID, residence permits, foreigner's card).
    package static let personKinds: Set<String> = [
        "resident_id", "legacy_resident_id", "residence_permit", "foreign_permanent_resident_id",
    ]
    /// Kinds the credit-code field accepts.
    package static let creditCodeKinds: Set<String> = ["unified_social_credit_code", "credit_code"]
    /// Kinds the organization-code field accepts.
    package static let organizationCodeKinds: Set<String> = ["organization_code"]

    /// The numbers of validated content, with their field paths as refs.
    package static func queries(for op: Operator) -> [IdentityQuery] {
        switch op {
        case .individual(let person):
            return [IdentityQuery(value: person.idNumber, ref: "operator.id_number")]
        case .unit(let unit):
            var queries: [IdentityQuery] = []
            if let code = unit.creditCode { queries.append(IdentityQuery(value: code, ref: "operator.credit_code")) }
            if let code = unit.organizationCode {
                queries.append(IdentityQuery(value: code, ref: "operator.organization_code"))
            }
            queries.append(IdentityQuery(value: unit.responsiblePerson.idNumber,
                                         ref: "operator.responsible_person.id_number"))
            return queries
        }
    }

    /// The numbers present in raw input (used to report identity problems together with the
    /// other field violations when validation fails).
    package static func queries(for input: OperatorInput?) -> [IdentityQuery] {
        guard let input else { return [] }
        func code(_ value: String?) -> String? {
            value.map(TextNormalization.code).flatMap { $0.isEmpty || $0.count > 64 ? nil : $0 }
        }
        let candidates: [(String?, String)] = [
            (code(input.idNumber), "operator.id_number"),
            (code(input.creditCode), "operator.credit_code"),
            (code(input.organizationCode), "operator.organization_code"),
            (code(input.responsiblePerson?.idNumber), "operator.responsible_person.id_number"),
        ]
        let kind = input.kind.flatMap { EnumParsing.value(OperatorKind.self, $0) }
        return candidates.compactMap { value, ref in
            guard let value else { return nil }
            if kind == .unit && ref == "operator.id_number" { return nil }
            if kind == .individual && ref != "operator.id_number" { return nil }
            return IdentityQuery(value: value, ref: ref)
        }
    }

    /// Numbers that cannot be an identity number of any kind (more than 18 characters, or
    /// characters other than ASCII letters and digits): refused here without asking identity.
    package static func formatViolations(_ queries: [IdentityQuery]) -> [FieldViolation] {
        queries.compactMap { query in
            let value = query.value
            guard value.count > 18 || !value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
            let label = labels(query.ref)
            return FieldViolation(field: query.ref, rule: "identity_format",
                                  messageZh: "\(label.zh)格式不正确（至多18位字母和数字）",
                                  messageEn: "\(label.en) is not well formed (at most 18 letters and digits)")
        }
    }

    /// One violation per field whose number is invalid, or valid but of a kind the field does not
    /// take; bilingual, from identity's reasons.
    package static func violations(for results: [IdentityResult], queries: [IdentityQuery]) -> [FieldViolation] {
        zip(queries, results).compactMap { query, result in violation(for: result, ref: query.ref) }
    }

    /// The violation for one field, or nil when its number is acceptable.
    package static func violation(for result: IdentityResult, ref: String) -> FieldViolation? {
        let label = labels(ref)
        if !result.valid {
            let reasons = result.reasons.isEmpty
                ? [IdentityReason(code: "invalid", zh: "号码无效", en: "the number is not valid")] : result.reasons
            return FieldViolation(
                field: ref, rule: reasons[0].code,
                messageZh: "\(label.zh)无效：" + reasons.map(\.zh).joined(separator: "；"),
                messageEn: "\(label.en) is not valid: " + reasons.map(\.en).joined(separator: "; "))
        }
        guard !acceptedKinds(ref).contains(result.kind) else { return nil }
        return FieldViolation(
            field: ref, rule: "identity_kind",
            messageZh: "\(label.zh)处填写的是其他类型的号码（\(result.kind)）",
            messageEn: "\(label.en) holds a number of another kind (\(result.kind))")
    }

    private static func acceptedKinds(_ ref: String) -> Set<String> {
        switch ref {
        case "operator.credit_code": creditCodeKinds
        case "operator.organization_code": organizationCodeKinds
        default: personKinds
        }
    }

    static func labels(_ ref: String) -> (zh: String, en: String) {
        switch ref {
        case "operator.credit_code": ("统一社会信用代码", "The unified social credit code")
        case "operator.organization_code": ("组织机构代码", "The organization code")
        case "operator.responsible_person.id_number": ("负责人身份证号", "The responsible person's ID number")
        default: ("身份证号", "The ID number")
        }
    }
}
