/// Which of an office's required materials a filing still lacks (备案材料).
package struct MaterialCheck: Hashable, Sendable {
    /// Requirements that apply to the operator and that no attached material satisfies.
    package var missing: [MaterialRule]
    /// Requirements that apply only in a situation staff must judge (`MaterialRule.when`) and
    /// that no attached material satisfies.
    package var conditional: [MaterialRule]

    /// Whether nothing unconditional is missing.
    package var isComplete: Bool { missing.isEmpty }

    /// Checks `materials` against the profile's rules for `op`.
    package init(profile: PolicyProfile, operator op: Operator, materials: [MaterialReference]) {
        let attached = Set(materials.map(\.kind))
        let open = profile.materials.filter { rule in
            rule.appliesTo.includes(op) && !rule.anyOf.contains(where: attached.contains)
        }
        missing = open.filter { $0.when == nil }
        conditional = open.filter { $0.when != nil }
    }

    /// One `material_missing` violation per missing requirement, on the field `materials`.
    package var violations: [FieldViolation] {
        missing.map { rule in
            let kinds = rule.anyOf.map(\.rawValue).joined(separator: " or ")
            return FieldViolation(field: "materials", rule: "material_missing",
                                  messageZh: "缺少材料：\(rule.wording)",
                                  messageEn: "missing material: \(kinds)")
        }
    }
}
