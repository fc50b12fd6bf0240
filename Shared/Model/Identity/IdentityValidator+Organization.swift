/// Organization codes (GB 11714-1997) and unified social credit codes (GB 32100-2015).
extension IdentityValidator {
    /// Registration region code 100000 marks registration by a national authority (国家).
    static let nationalRegion = 100_000

    /// Checks a 9-character organization code: 8 body characters 0-9/A-Z and the check character.
    func organizationCode(_ bytes: UnsafeBufferPointer<UInt8>, into result: inout IdentityCheck) {
        let shape = Self.shapeIssues(bytes, as: .organizationCode)
        guard shape.isEmpty else {
            result.reasons = shape
            return
        }
        var reasons: [IdentityIssue] = []
        let check = IdentityChecksum.organizationCheckCharacter(bytes)!
        if check != bytes[8] {
            reasons.append(.badCheckCharacter(expected: Character(Unicode.Scalar(check)),
                                              found: Character(Unicode.Scalar(bytes[8])), at: 9))
        }
        result.set(reasons: reasons, warnings: [], organization: IdentityCheck.Organization(
            organizationCode: result.normalized, organizationCodeValid: reasons.isEmpty))
    }

    /// Checks an 18-character unified social credit code: alphabet, authority and type codes,
    /// registration region, the embedded organization code (a warning only) and the check character.
    func creditCode(_ bytes: UnsafeBufferPointer<UInt8>, into result: inout IdentityCheck) {
        let shape = Self.shapeIssues(bytes, as: .unifiedSocialCreditCode)
        guard shape.isEmpty else {
            result.reasons = shape
            return
        }
        var reasons: [IdentityIssue] = []
        var warnings: [IdentityIssue] = []
        var organization = IdentityCheck.Organization(authorityCode: Self.text(bytes, 0, 1), typeCode: Self.text(bytes, 1, 1))

        if let category = CreditCodeCategory.find(authority: bytes[0], type: bytes[1]) {
            organization.authorityName = category.authorityName
            organization.typeName = category.typeName
            if !category.inStandardTable {
                warnings.append(IdentityIssue(.organizationTypeNotInStandardTable, position: 2, found: Self.text(bytes, 0, 2)))
            }
        } else if let authority = CreditCodeCategory.authorities[Character(Unicode.Scalar(bytes[0]))] {
            organization.authorityName = authority
            reasons.append(IdentityIssue(.unknownOrganizationType, position: 2, found: Self.text(bytes, 0, 2)))
        } else {
            reasons.append(IdentityIssue(.unknownRegistrationAuthority, position: 1, found: Self.text(bytes, 0, 1)))
        }

        let regionCode = Self.value(bytes, 2, 6)
        if regionCode == Self.nationalRegion {
            organization.region = IdentityCheck.Region(code: "100000", name: "国家", fullName: "国家（全国性登记管理机关）",
                                                       status: .current, nameFrom: nil, nameUntil: nil)
        } else if let region = divisions.latestRegionFact(regionCode) {
            organization.region = region
        } else if regionCode % 100 != 0, divisions.contains(regionCode / 100 * 100) {
            organization.region = IdentityCheck.Region(code: Self.text(bytes, 2, 6))
            warnings.append(IdentityIssue(.regionNotInDivisionList, position: 3, found: Self.text(bytes, 2, 6)))
        } else {
            organization.region = IdentityCheck.Region(code: Self.text(bytes, 2, 6))
            reasons.append(.unknownRegion(Self.text(bytes, 2, 6), at: 3))
        }

        let embedded = UnsafeBufferPointer(rebasing: bytes[8..<17])
        organization.organizationCode = Self.text(bytes, 8, 9)
        let embeddedCheck = IdentityChecksum.organizationCheckCharacter(embedded)!
        organization.organizationCodeValid = embeddedCheck == bytes[16]
        if embeddedCheck != bytes[16] {
            warnings.append(IdentityIssue(.embeddedOrganizationCodeCheck, position: 17,
                                          expected: String(Character(Unicode.Scalar(embeddedCheck))),
                                          found: Self.text(bytes, 16, 1)))
        }

        let check = IdentityChecksum.creditCodeCheckCharacter(bytes)!
        if check != bytes[17] {
            reasons.append(.badCheckCharacter(expected: Character(Unicode.Scalar(check)),
                                              found: Character(Unicode.Scalar(bytes[17])), at: 18))
        }
        result.set(reasons: reasons, warnings: warnings, organization: organization)
    }

    /// How many reasons `creditCode` gives for 18 bytes of digits (the last may be X), without
    /// building them: authority/type, region, check character. 0 means a valid credit code.
    func creditCodeReasonCount(digits bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        if !CreditCodeCategory.isKnown(authority: bytes[0], type: bytes[1]) { count += 1 }
        let region = Self.value(bytes, 2, 6)
        if !(region == Self.nationalRegion || divisions.contains(region)
            || (region % 100 != 0 && divisions.contains(region / 100 * 100))) {
            count += 1
        }
        if IdentityChecksum.creditCodeCheckCharacter(bytes) != bytes[17] { count += 1 }
        return count
    }

    /// Whether 18 bytes of digits are a valid credit code; cheapest test first (for the hot path).
    @inline(__always)
    func isValidCreditCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let region = Self.value(bytes, 2, 6)
        guard region == Self.nationalRegion || divisions.contains(region)
            || (region % 100 != 0 && divisions.contains(region / 100 * 100))
        else { return false }
        guard CreditCodeCategory.isKnown(authority: bytes[0], type: bytes[1]) else { return false }
        return IdentityChecksum.creditCodeCheckCharacter(bytes) == bytes[17]
    }
}
