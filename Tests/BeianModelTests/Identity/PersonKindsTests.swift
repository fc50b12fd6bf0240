import Testing
@testable import BeianModel

@Suite("Legacy numbers, residence permits, foreigners' cards")
struct PersonKindsTests {
    typealias F = IdentityFixtures

    @Test("legacy 15-digit numbers are checked and upgraded", arguments: [
        ("110105491231002", "11010519491231002X", "1949-12-31", IdentityCheck.Gender.female),
        ("440524800101001", "440524198001010013", "1980-01-01", .male),
        ("130502900307123", IdentityGenerator.residentID(region: 130502, birth: F.day(1990, 3, 7), sequence: 123),
         "1990-03-07", .male),
    ])
    func legacy(number: String, upgraded: String, birth: String, gender: IdentityCheck.Gender) {
        let result = F.check(number)
        #expect(result.kind == .legacyResidentID)
        #expect(result.valid, "\(result.reasons)")
        #expect(result.upgraded == upgraded)
        #expect(result.person?.birthDate == birth)
        #expect(result.person?.gender == gender)
        #expect(F.check(upgraded).valid, "the upgraded form validates as an 18-digit number")
    }

    @Test("legacy faults: date in the 1900s, region", arguments: [
        ("110105491331002", IdentityIssue.Code.badBirthMonth, 9),
        ("110105000229002", .badBirthDay, 11),  // 1900-02-29 does not exist
        ("660105491231002", .unknownRegion, 1),
    ])
    func legacyFaults(number: String, code: IdentityIssue.Code, position: Int) {
        let result = F.check(number)
        #expect(result.kind == .legacyResidentID)
        #expect(result.reasonCodes == [code])
        #expect(result.reasons.first?.position == position)
    }

    @Test("legacy: 2000-02-29 cannot be written, 1996-02-29 can")
    func legacyLeap() {
        #expect(F.check("110105960229002").valid)
        #expect(F.check("110105000228002").valid)
    }

    @Test("Hong Kong, Macao and Taiwan residence permits are their own kind", arguments: [
        (IdentityGenerator.PermitRegion.hongKong, "810000", "香港特别行政区"),
        (.macao, "820000", "澳门特别行政区"),
        (.taiwan, "830000", "台湾省"),
    ])
    func permits(region: IdentityGenerator.PermitRegion, code: String, name: String) {
        let number = IdentityGenerator.residencePermit(region, birth: F.day(1988, 8, 8), sequence: 8)
        let result = F.check(number)
        #expect(result.kind == .residencePermit)
        #expect(result.valid, "\(result.reasons)")
        #expect(result.person?.region?.code == code)
        #expect(result.person?.region?.name == name)
        #expect(F.check(number, as: .residencePermit).valid)
        let asResident = F.check(number, as: .residentID)
        #expect(asResident.reasonCodes == [.kindMismatch])
        #expect(asResident.reasons.first?.found == "residence_permit")
    }

    @Test("a resident number is not a permit")
    func residentIsNotPermit() {
        let result = F.check("11010519491231002X", as: .residencePermit)
        #expect(result.reasonCodes == [.kindMismatch])
        #expect(result.reasons.first?.expected == "residence_permit")
    }

    @Test("foreigners' permanent residence cards (2023): province, nationality, date, check")
    func foreigner() throws {
        let number = IdentityGenerator.foreignPermanentResidentID(province: 31, nationality: 840, birth: F.day(1975, 4, 3),
                                                                  sequence: 17)
        #expect(number.hasPrefix("931840"))
        let result = F.check(number)
        #expect(result.kind == .foreignPermanentResidentID)
        #expect(result.valid, "\(result.reasons)")
        let person = try #require(result.person)
        #expect(person.nationalityCode == "840")
        #expect(person.region?.code == "310000")
        #expect(person.region?.name == "上海市")
        #expect(person.birthDate == "1975-04-03")
        #expect(person.gender == .male)
        #expect(F.check(number, as: .residentID).reasonCodes == [.kindMismatch])
    }

    @Test("foreigners' cards: unknown province, bad date, bad check", arguments: [
        (IdentityGenerator.foreignPermanentResidentID(province: 99, nationality: 840, birth: F.day(1975, 4, 3),
                                                      sequence: 17), IdentityIssue.Code.unknownRegion, 2),
        (IdentityGenerator.foreignPermanentResidentID(province: 0, nationality: 392, birth: F.day(1975, 4, 3),
                                                      sequence: 17), .unknownRegion, 2),
    ])
    func foreignerFaults(number: String, code: IdentityIssue.Code, position: Int) {
        let result = F.check(number, as: .foreignPermanentResidentID)
        #expect(result.reasonCodes == [code])
        #expect(result.reasons.first?.position == position)
        #expect(result.reasons.first?.found?.hasSuffix("0000") == true)
    }

    @Test("foreigners' cards use the same MOD 11-2 check and date rules")
    func foreignerCheckAndDate() {
        let body = "91184019900230001"  // 1990-02-30
        let number = body + String(IdentityChecksum.residentCheckCharacter(body)!)
        #expect(F.check(number).reasonCodes == [.badBirthDay])
        let good = IdentityGenerator.foreignPermanentResidentID(province: 11, nationality: 392, birth: F.day(2001, 1, 1),
                                                                sequence: 2)
        let wrong = String(good.dropLast()) + (good.last == "0" ? "1" : "0")
        #expect(F.check(wrong, as: .foreignPermanentResidentID).reasonCodes == [.badCheckCharacter])
    }
}
