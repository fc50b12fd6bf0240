import Testing
@testable import BeianModel

@Suite("Organization codes (GB 11714-1997)")
struct OrganizationCodeTests {
    typealias F = IdentityFixtures

    @Test("valid codes, with or without the hyphen", arguments: [
        ("D2143569-X", "D2143569X"),
        ("D2143569X", "D2143569X"),
        ("M000100Y-4", "M000100Y4"),  // embedded in 91350100M000100Y43
        ("60003734-1", "600037341"),  // embedded in 91110000600037341L
        ("ｄ２１４３５６９－ｘ", "D2143569X"),
    ])
    func valid(input: String, normalized: String) {
        let result = F.check(input)
        #expect(result.kind == .organizationCode)
        #expect(result.valid, "\(result.reasons)")
        #expect(result.normalized == normalized)
        #expect(result.organization?.organizationCode == normalized)
        #expect(result.organization?.organizationCodeValid == true)
    }

    @Test("check character rule: 11 - (sum mod 11), 10 → X, 11 → 0")
    func checkRule() {
        // Sum of 0s is 0 → 11 → "0"; weights 3,7,9,10,5,8,4,2 on "00000001" → 2 → 9.
        #expect(IdentityChecksum.organizationCheckCharacter("00000000") == "0")
        #expect(IdentityChecksum.organizationCheckCharacter("00000001") == "9")
        #expect(IdentityChecksum.organizationCheckCharacter("D2143569") == "X")
    }

    @Test("faults", arguments: [
        ("D21435691", IdentityIssue.Code.badCheckCharacter, 9 as Int?),
        ("D2143569", .wrongLength, nil),
        ("D2143_69X", .badCharacter, 6),
        ("D2143569A", .badCharacter, 9),
    ])
    func faults(input: String, code: IdentityIssue.Code, position: Int?) {
        let result = F.check(input, as: .organizationCode)
        #expect(result.reasonCodes == [code])
        #expect(result.reasons.first?.position == position)
    }

    @Test("a wrong check character names the expected one")
    func expected() {
        let result = F.check("D2143569-1")
        #expect(result.reasons.first?.expected == "X")
        #expect(result.organization?.organizationCodeValid == false)
    }
}

@Suite("Unified social credit codes (GB 32100-2015)")
struct CreditCodeTests {
    typealias F = IdentityFixtures

    @Test("published codes are valid", arguments: [
        "91350100M000100Y43",  // the usual example, 福州市
        // From python-stdnum's collection of codes found online.
        "121200004013590816", "91110000600037341L", "91110000710926094P", "91120224064012553U",
        "91152201078371135X", "91310115MA1K3BTP2B", "9144030071526726XG", "91442000696462712R",
        "91620105L015101280", "92340602MA2PBMEM24", "913205056082348768", "91320214745555318W",
    ])
    func published(code: String) {
        let result = F.check(code)
        #expect(result.kind == .unifiedSocialCreditCode)
        #expect(result.valid, "\(result.reasons)")
    }

    @Test("facts: authority, type, region, embedded organization code")
    func facts() throws {
        let result = F.check("91350100M000100Y43")
        let organization = try #require(result.organization)
        #expect(organization.authorityCode == "9")
        #expect(organization.authorityName == "工商")
        #expect(organization.typeCode == "1")
        #expect(organization.typeName == "企业")
        #expect(organization.region?.code == "350100")
        #expect(organization.region?.name == "福州市")
        #expect(organization.region?.fullName == "福建省福州市")
        #expect(organization.organizationCode == "M000100Y4")
        #expect(organization.organizationCodeValid == true)
    }

    @Test("every pair of the standard's table is accepted without warning", arguments: [
        ("1", "1"), ("1", "2"), ("1", "3"), ("1", "9"), ("2", "1"), ("2", "9"), ("3", "1"), ("3", "2"), ("3", "3"),
        ("3", "4"), ("3", "5"), ("3", "9"), ("4", "1"), ("4", "9"), ("5", "1"), ("5", "2"), ("5", "3"), ("5", "9"),
        ("6", "1"), ("6", "2"), ("6", "9"), ("7", "1"), ("7", "2"), ("7", "9"), ("8", "1"), ("8", "9"), ("9", "1"),
        ("9", "2"), ("9", "3"), ("A", "1"), ("A", "9"), ("N", "1"), ("N", "2"), ("N", "3"), ("N", "9"), ("Y", "1"),
    ] as [(Character, Character)])
    func standardPairs(authority: Character, type: Character) {
        let code = IdentityGenerator.unifiedSocialCreditCode(authority: authority, type: type, region: 110105,
                                                             organizationBody: "MA01AB2C")
        let result = F.check(code)
        #expect(result.valid, "\(result.reasons)")
        #expect(result.warnings.isEmpty)
        #expect(result.organization?.typeName?.isEmpty == false)
    }

    @Test("pairs outside the table are rejected; later pairs warn", arguments: [
        ("9", "4", [IdentityIssue.Code.unknownOrganizationType], [IdentityIssue.Code]()),
        ("Y", "2", [.unknownOrganizationType], []),
        ("B", "1", [.unknownRegistrationAuthority], []),
        ("0", "1", [.unknownRegistrationAuthority], []),
        ("G", "1", [], [.organizationTypeNotInStandardTable]),
        ("5", "4", [], [.organizationTypeNotInStandardTable]),
    ] as [(Character, Character, [IdentityIssue.Code], [IdentityIssue.Code])])
    func otherPairs(authority: Character, type: Character, reasons: [IdentityIssue.Code], warnings: [IdentityIssue.Code]) {
        let code = IdentityGenerator.unifiedSocialCreditCode(authority: authority, type: type, region: 110105,
                                                             organizationBody: "MA01AB2C")
        let result = F.check(code, as: .unifiedSocialCreditCode)
        #expect(result.reasonCodes == reasons)
        #expect(result.warningCodes == warnings)
    }

    @Test("registration region: known, national 100000, development zone, unknown", arguments: [
        (350100, [IdentityIssue.Code](), [IdentityIssue.Code]()),
        (100000, [], []),
        (320594, [], [.regionNotInDivisionList]),  // 苏州工业园区: a local code under 320500
        (660100, [.unknownRegion], []),
        (320000, [], []),
    ])
    func regions(region: Int, reasons: [IdentityIssue.Code], warnings: [IdentityIssue.Code]) {
        let code = IdentityGenerator.unifiedSocialCreditCode(authority: "9", type: "1", region: region,
                                                             organizationBody: "MA2PBM9H")
        let result = F.check(code)
        #expect(result.reasonCodes == reasons)
        #expect(result.warningCodes == warnings)
        #expect(result.organization?.region?.code == IdentityGenerator.digits(region, 6))
    }

    @Test("an embedded organization code failing its own check is only a warning")
    func embeddedWarning() throws {
        // Body "60003734" + a wrong check character "2" (right is "1"), then a correct credit code check.
        let body = "911100006000373420"
        let prefix = String(body.prefix(17))
        let code = prefix + String(IdentityChecksum.creditCodeCheckCharacter(prefix)!)
        let result = F.check(code)
        #expect(result.valid)
        let warning = try #require(result.warnings.first)
        #expect(warning.code == .embeddedOrganizationCodeCheck)
        #expect(warning.expected == "1")
        #expect(warning.found == "2")
        #expect(result.organization?.organizationCodeValid == false)
    }

    @Test("faults", arguments: [
        ("91110000600037341N", IdentityIssue.Code.badCheckCharacter, 18 as Int?, "L"),
        ("9111000060003IOZSV", .badCharacter, 14, "I"),
        ("91A10000600037341L", .badCharacter, 3, "A"),
        ("9111000060003734", .wrongLength, nil, "16"),
    ])
    func faults(code: String, reason: IdentityIssue.Code, position: Int?, detail: String) throws {
        let result = F.check(code, as: .unifiedSocialCreditCode)
        let first = try #require(result.reasons.first)
        #expect(first.code == reason)
        #expect(first.position == position)
        #expect(first.expected == detail || first.found == detail)
    }

    @Test("the letters I, O, Z, S, V are each a bad character")
    func forbiddenLetters() {
        let result = F.check("9111000060003IOZSV", as: .unifiedSocialCreditCode)
        #expect(result.reasonCodes == Array(repeating: .badCharacter, count: 5))
        #expect(result.reasons.map(\.position) == [14, 15, 16, 17, 18])
    }
}
