/// Makes valid identity numbers of every kind, for tests, fixtures and the benchmark.
///
/// The generated numbers are well-formed and carry correct check characters; whether their
/// region codes are known is up to the caller (pass codes from the division table).
package enum IdentityGenerator {
    /// Where a residence permit holder is from (港澳台), with the permit's address code.
    package enum PermitRegion: Int, Sendable, CaseIterable {
        /// 香港, 810000.
        case hongKong = 810_000
        /// 澳门, 820000.
        case macao = 820_000
        /// 台湾, 830000.
        case taiwan = 830_000
    }

    /// An 18-character resident identity number.
    /// - Parameters:
    ///   - region: six-digit address code, e.g. 110105.
    ///   - birth: birth date.
    ///   - sequence: 0...999; odd for a man, even for a woman.
    package static func residentID(region: Int, birth: IdentityDate, sequence: Int) -> String {
        withCheck(digits(region, 6) + digits(birth.year, 4) + digits(birth.month, 2) + digits(birth.day, 2)
                  + digits(sequence, 3))
    }

    /// A legacy 15-digit number (birth year 1900...1999 written as two digits).
    package static func legacyResidentID(region: Int, birth: IdentityDate, sequence: Int) -> String {
        digits(region, 6) + digits(birth.year % 100, 2) + digits(birth.month, 2) + digits(birth.day, 2)
            + digits(sequence, 3)
    }

    /// A residence permit number for a Hong Kong, Macao or Taiwan resident.
    package static func residencePermit(_ region: PermitRegion, birth: IdentityDate, sequence: Int) -> String {
        residentID(region: region.rawValue, birth: birth, sequence: sequence)
    }

    /// A 2023 foreigner's permanent residence card number: 9, two-digit province of the accepting
    /// office (e.g. 11), three-digit nationality code (e.g. 840), birth date, sequence, check.
    package static func foreignPermanentResidentID(province: Int, nationality: Int, birth: IdentityDate,
                                                   sequence: Int) -> String {
        withCheck("9" + digits(province, 2) + digits(nationality, 3) + digits(birth.year, 4) + digits(birth.month, 2)
                  + digits(birth.day, 2) + digits(sequence, 3))
    }

    /// An organization code: the 8-character body (0-9, A-Z) and its check character, no hyphen.
    package static func organizationCode(body: String) -> String {
        precondition(body.utf8.count == 8, "an organization code body has 8 characters")
        return body + String(IdentityChecksum.organizationCheckCharacter(body)!)
    }

    /// A unified social credit code.
    /// - Parameters:
    ///   - authority: registration authority code, e.g. "9" (工商).
    ///   - type: organization type code, e.g. "1" (企业).
    ///   - region: six-digit registration region, e.g. 350100.
    ///   - organizationBody: the 8-character body of the embedded organization code, from the
    ///     credit code alphabet (no I, O, Z, S, V); its check character is computed.
    package static func unifiedSocialCreditCode(authority: Character, type: Character, region: Int,
                                                organizationBody: String) -> String {
        let body = String(authority) + String(type) + digits(region, 6) + organizationCode(body: organizationBody)
        return body + String(IdentityChecksum.creditCodeCheckCharacter(body)!)
    }

    private static func withCheck(_ body: String) -> String {
        body + String(IdentityChecksum.residentCheckCharacter(body)!)
    }

    /// `value` as exactly `count` decimal digits (zero-padded; higher digits dropped).
    static func digits(_ value: Int, _ count: Int) -> String {
        var result = [UInt8](repeating: 48, count: count)
        var rest = value
        for index in stride(from: count - 1, through: 0, by: -1) {
            result[index] = UInt8(48 + rest % 10)
            rest /= 10
        }
        return String(decoding: result, as: UTF8.self)
    }
}
