import Testing
@testable import BeianModel

@Suite("Resident identity numbers (GB 11643-1999)")
struct ResidentIDTests {
    typealias F = IdentityFixtures

    @Test("published and known-good numbers are valid", arguments: [
        // GB 11643-1999's own example: 北京市朝阳区, 1949-12-31, female.
        ("11010519491231002X", "110105", "朝阳区", "1949-12-31", IdentityCheck.Gender.female, IdentityCheck.RegionStatus.current),
        // python-stdnum's test numbers; 412723 商水县 was recoded 411623 in 2000 (retired, still valid).
        ("360426199101010071", "360426", "德安县", "1991-01-01", .male, .current),
        ("44011320141005001X", "440113", "番禺区", "2014-10-05", .male, .current),
        ("412723199010050012", "412723", "商水县", "1990-10-05", .male, .retired),
        ("110102199101010078", "110102", "西城区", "1991-01-01", .male, .current),
    ])
    func knownValid(number: String, region: String, name: String, birth: String, gender: IdentityCheck.Gender,
                    status: IdentityCheck.RegionStatus) throws {
        let result = F.check(number)
        #expect(result.valid, "\(result.reasons)")
        #expect(result.kind == .residentID)
        #expect(result.normalized == number)
        let person = try #require(result.person)
        #expect(person.birthDate == birth)
        #expect(person.gender == gender)
        #expect(person.region?.code == region)
        #expect(person.region?.name == name)
        #expect(person.region?.status == status)
    }

    @Test("each fault gives its reason, with position and facts", arguments: [
        // The standard's second example is correct but born 1880: before 1900.
        ("440524188001010014", [IdentityIssue.Code.birthDateBefore1900], 7),
        ("36042619910102009X", [.badCheckCharacter], 18),
        ("360426199113010079", [.badBirthMonth], 11),
        ("360426199100010079", [.badBirthMonth, .badCheckCharacter], 11),
        ("360426199102300079", [.badBirthDay, .badCheckCharacter], 13),
        ("360426199104310079", [.badBirthDay, .badCheckCharacter], 13),
        ("660426199112010074", [.unknownRegion, .badCheckCharacter], 1),
        ("000000199101010071", [.unknownRegion, .badCheckCharacter], 1),
    ])
    func faults(number: String, codes: [IdentityIssue.Code], position: Int) {
        let result = F.check(number, as: .residentID)
        #expect(!result.valid)
        #expect(result.reasonCodes == codes)
        #expect(result.reasons.first?.position == position)
    }

    @Test("a wrong check character names the expected one")
    func expectedCheck() throws {
        let result = F.check("110105194912310021")
        let reason = try #require(result.reasons.first)
        #expect(reason.code == .badCheckCharacter)
        #expect(reason.expected == "X")
        #expect(reason.found == "1")
        #expect(reason.messageChinese.contains("X"))
        #expect(reason.messageEnglish.contains("'X'"))
    }

    @Test("unknown region names the code")
    func unknownRegionCode() throws {
        let number = IdentityGenerator.residentID(region: 660426, birth: F.day(1991, 12, 1), sequence: 7)
        let result = F.check(number)
        #expect(result.reasonCodes == [.unknownRegion])
        #expect(result.reasons[0].found == "660426")
        #expect(result.reasons[0].messageChinese.contains("660426"))
        #expect(result.person?.region?.name == nil)
    }

    @Test("shape faults: length and bad characters with 1-based positions", arguments: [
        ("11010519491231002", IdentityIssue.Code.wrongLength, nil as Int?, "18", "17"),
        ("1101051949123100211", .wrongLength, nil, "18", "19"),
        ("11010519491A31002X", .badCharacter, 12, IdentityIssue.CharacterClass.digit, "A"),
        ("1101051949123100X2", .badCharacter, 17, IdentityIssue.CharacterClass.digit, "X"),
        ("11010519491231002Y", .badCharacter, 18, IdentityIssue.CharacterClass.digitOrX, "Y"),
        ("1101051949123100号X", .badCharacter, 17, IdentityIssue.CharacterClass.digit, "号"),
    ])
    func shape(input: String, code: IdentityIssue.Code, position: Int?, expected: String, found: String) throws {
        let result = F.check(input, as: .residentID)
        let reason = try #require(result.reasons.first)
        #expect(result.reasons.count == 1)
        #expect(reason.code == code)
        #expect(reason.position == position)
        #expect(reason.expected == expected)
        #expect(reason.found == found)
    }

    @Test("birth date boundaries: 1900-01-01, leap days, today, tomorrow", arguments: [
        (F.day(1900, 1, 1), true),
        (F.day(2000, 2, 29), true),
        (F.day(2024, 2, 29), true),
        (F.day(2025, 6, 1), true),
        (F.day(2025, 6, 2), false),
        (F.day(2030, 1, 1), false),
    ])
    func dates(birth: IdentityDate, valid: Bool) {
        let number = IdentityGenerator.residentID(region: 110105, birth: birth, sequence: 12)
        let result = F.check(number)
        #expect(result.valid == valid, "\(result.reasons)")
        if !valid { #expect(result.reasonCodes == [.birthDateInFuture]) }
        #expect(result.person?.birthDate == birth.description)
    }

    @Test("dates that do not exist or are too early are rejected", arguments: [
        ("19000229", IdentityIssue.Code.badBirthDay),  // 1900 is not a leap year
        ("21000229", .badBirthDay),
        ("20230229", .badBirthDay),
        ("18991231", .birthDateBefore1900),
        ("19901300", .badBirthMonth),
        ("19900132", .badBirthDay),
        ("19900100", .badBirthDay),
    ])
    func impossibleDates(date: String, code: IdentityIssue.Code) {
        let body = "110105" + date + "123"
        let number = body + String(IdentityChecksum.residentCheckCharacter(body)!)
        let result = F.check(number)
        #expect(result.reasonCodes.contains(code))
        #expect(result.reasonCodes.allSatisfy { $0 == code || $0 == .birthDateInFuture })
        #expect(!result.valid)
    }

    @Test("a future birth date says today")
    func futureDate() throws {
        let number = IdentityGenerator.residentID(region: 110105, birth: F.day(2025, 6, 2), sequence: 1)
        let reason = try #require(F.check(number).reasons.first)
        #expect(reason.code == .birthDateInFuture)
        #expect(reason.expected == "2025-06-01")
        #expect(reason.found == "20250602")
    }

    @Test("gender from the 17th digit", arguments: 0...9)
    func gender(digit: Int) {
        let number = IdentityGenerator.residentID(region: 110105, birth: F.day(1980, 5, 5), sequence: 120 + digit)
        #expect(F.check(number).person?.gender == (digit % 2 == 1 ? .male : .female))
    }
}
