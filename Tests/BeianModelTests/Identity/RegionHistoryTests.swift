import Testing
@testable import BeianModel

@Suite("Address codes: renamed, retired and new districts")
struct RegionHistoryTests {
    typealias F = IdentityFixtures

    @Test("a renamed district is named as at the birth year", arguments: [
        (1990, "桥东区", "河北省邢台市桥东区"),
        (2019, "桥东区", "河北省邢台市桥东区"),
        (2020, "襄都区", "河北省邢台市襄都区"),
        (2024, "襄都区", "河北省邢台市襄都区"),
    ])
    func renamed(year: Int, name: String, fullName: String) throws {
        let number = IdentityGenerator.residentID(region: 130502, birth: F.day(year, 3, 1), sequence: 21)
        let result = F.check(number)
        #expect(result.valid)
        let region = try #require(result.person?.region)
        #expect(region.name == name)
        #expect(region.fullName == fullName)
        #expect(region.status == .current)
    }

    @Test("Tianjin 120110: 东郊区 until 1991, 东丽区 after (python-stdnum's cases)", arguments: [
        ("120110198012010073", "东郊区"),
        ("120110199212010072", "东丽区"),
    ])
    func tianjin(number: String, name: String) {
        let result = F.check(number)
        #expect(result.valid)
        #expect(result.person?.region?.name == name)
    }

    @Test("a 1980s retired code stays valid and is reported retired")
    func retired1980s() throws {
        // 110110 燕山区, retired 1986; someone born there in 1984.
        let number = IdentityGenerator.residentID(region: 110110, birth: F.day(1984, 7, 9), sequence: 33)
        let result = F.check(number)
        #expect(result.valid)
        #expect(result.warnings.isEmpty)
        let region = try #require(result.person?.region)
        #expect(region.name == "燕山区")
        #expect(region.status == .retired)
        #expect(region.nameUntil == 1986)
    }

    @Test("a code newer than the birth date is valid (first registration later)")
    func newerCode() {
        // 110111 房山区 exists since 1986; python-stdnum rejects this 1980 birth, the standard does not.
        let result = F.check("110111198012010078")
        #expect(result.valid, "\(result.reasons)")
        #expect(result.person?.region?.name == "房山区")
        #expect(result.person?.region?.nameFrom == 1986)
    }

    @Test("a code retired before the birth year is valid with a warning")
    func retiredBeforeBirth() throws {
        // 110201 昌平县, retired 1982; a 1993 birth cannot have been registered there, but the
        // number may still be real (data gaps); flag it.
        let result = F.check("110201199312010077")
        #expect(result.valid)
        let warning = try #require(result.warnings.first)
        #expect(warning.code == .regionRetiredBeforeBirth)
        #expect(warning.expected == "1982")
        #expect(result.person?.region?.status == .retired)
    }

    @Test("a retired and recoded district: 2010's 崇文区")
    func chongwen() {
        let number = IdentityGenerator.residentID(region: 110103, birth: F.day(1975, 11, 30), sequence: 44)
        let result = F.check(number)
        #expect(result.valid)
        #expect(result.person?.region?.name == "崇文区")
        #expect(result.person?.region?.status == .retired)
    }
}
