import BeianModel

extension IdentityNumbers {
    /// The check characters of 18-character numbers, verified here (GB 11643 MOD 11-2 for person
    /// numbers, GB 32100 for credit codes): what intake can tell without the identity service, so
    /// that a mistyped number is refused at once even while identity is unavailable, instead of
    /// being stored as `pending` and returned later. Everything else (regions, dates, kinds) stays
    /// the identity service's to judge.
    package static func checkCharacterViolations(_ queries: [IdentityQuery]) -> [FieldViolation] {
        queries.compactMap { query in
            let value = query.value
            guard value.count == 18, let last = value.last else { return nil }
            let body = String(value.dropLast())
            let expected: Character?
            if query.ref == "operator.credit_code" {
                expected = IdentityChecksum.creditCodeCheckCharacter(body)
            } else if query.ref != "operator.organization_code" {
                expected = IdentityChecksum.residentCheckCharacter(body)
            } else {
                expected = nil
            }
            guard let expected, expected != last else { return nil }
            let label = labels(query.ref)
            return FieldViolation(field: query.ref, rule: "bad_check_character",
                                  messageZh: "\(label.zh)无效：第18位校验码应为“\(expected)”，实际为“\(last)”",
                                  messageEn: "\(label.en) is not valid: check character 18 should be '\(expected)', "
                                      + "found '\(last)'")
        }
    }
}
