import BeianModel
import Testing

@Suite("Required materials per operator kind")
struct MaterialCheckTests {
    static func material(_ kind: MaterialKind) -> MaterialReference {
        MaterialReference(kind: kind, sha256: String(repeating: "0", count: 64), size: 1, mediaType: "application/pdf")
    }

    @Test("Kaiping: a unit needs a licence or code certificate, the responsible person's ID and the form")
    func kaipingUnit() throws {
        let profile = try Fixtures.profile(Fixtures.kaiping)
        let unit = Fixtures.unit("某公司")
        let partial = MaterialCheck(profile: profile, operator: unit, materials: [Self.material(.businessLicence)])
        #expect(partial.missing.flatMap(\.anyOf) == [.responsiblePersonIdCopy, .filingForm])
        #expect(partial.violations.allSatisfy { $0.rule == "material_missing" && $0.field == "materials" })
        let full = MaterialCheck(profile: profile, operator: unit, materials: [
            Self.material(.organizationCodeCertificate), Self.material(.responsiblePersonIdCopy), Self.material(.filingForm)])
        #expect(full.isComplete)
        let person = MaterialCheck(profile: profile, operator: Fixtures.person(), materials: [Self.material(.filingForm)])
        #expect(person.missing.flatMap(\.anyOf) == [.ownIdCopy])
    }

    @Test("Gejiu: government media need the extras; competent-department consent is conditional")
    func gejiuGovernment() throws {
        let profile = try Fixtures.profile(Fixtures.gejiu)
        let bureau = Fixtures.unit("个旧市教育局", type: .organ)
        let check = MaterialCheck(profile: profile, operator: bureau, materials: [])
        #expect(Set(check.missing.flatMap(\.anyOf)) == [.leadershipMeetingMinutes, .principalLeaderApproval,
                                                          .editorialTeamList, .reviewRules, .securityMeasures])
        #expect(check.conditional.flatMap(\.anyOf) == [.competentDepartmentConsent])
        let official = MaterialCheck(profile: profile, operator: Fixtures.person(publicServant: true, official: true),
                                     materials: [])
        #expect(official.missing.flatMap(\.anyOf).contains(.unitConsent))
        let company = MaterialCheck(profile: profile, operator: Fixtures.unit("锡业有限公司"), materials: [])
        #expect(company.isComplete)
        #expect(Fixtures.unit("个旧市人民医院", type: .other, sector: .publicInstitution).isGovernment)
    }
}
