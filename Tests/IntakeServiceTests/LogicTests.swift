import BeianJSON
import BeianModel
import BeianReferenceData
import IntakeService
import Testing

@Suite("Intake logic (pure functions)")
struct LogicTests {
    @Test("access codes: 20 symbols in groups of five from an alphabet without look-alikes; ids are well formed")
    func accessCodes() {
        let codes = (0..<200).map { _ in AccessCode.generate() }
        #expect(Set(codes).count == codes.count)
        for code in codes {
            let groups = code.split(separator: "-")
            #expect(groups.count == 4 && groups.allSatisfy { $0.count == 5 })
            #expect(code.allSatisfy { $0 == "-" || AccessCode.alphabet.contains($0) })
            #expect(!code.contains { "01IO".contains($0) })
        }
        let id = FilingIdentifier.generate(officeCode: "440783")
        #expect(FilingIdentifier.isWellFormed(id))
        #expect(!FilingIdentifier.isWellFormed("440783-0000000000O0"))
        #expect(!FilingIdentifier.isWellFormed("' OR 1=1 --"))
        #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equal([1, 2], [1, 2, 3]))
    }

    @Test("filing ids are read as typed: full-width, lower case, spaces, other dashes, no dash", arguments: [
        ("611000-SW8MC78VSD7N", "611000-SW8MC78VSD7N"),
        ("611000-sw8mc78vsd7n", "611000-SW8MC78VSD7N"),
        ("６１１０００-ＳＷ８ＭＣ７８ＶＳＤ７Ｎ", "611000-SW8MC78VSD7N"),
        ("６１１０００－ｓｗ８ｍｃ７８ｖｓｄ７ｎ", "611000-SW8MC78VSD7N"),
        (" 611000-SW8MC78VSD7N\u{3000}", "611000-SW8MC78VSD7N"),
        ("611000 – SW8M C78V SD7N", "611000-SW8MC78VSD7N"),
        ("611000sw8mc78vsd7n", "611000-SW8MC78VSD7N"),
        ("' OR 1=1 --", "'OR1=1--"),
        ("", ""),
    ])
    func filingIDs(typed: String, normalized: String) {
        #expect(FilingIdentifier.normalize(typed) == normalized)
        #expect(FilingIdentifier.isWellFormed(FilingIdentifier.normalize(typed)) == (normalized.count == 19))
    }

    @Test("cursors round-trip and refuse other filters or garbage")
    func cursors() {
        var query = FilingQuery()
        query.status = .submitted
        let fingerprint = ListCursor.fingerprint(query)
        let cursor = ListCursor.make(after: 42, fingerprint: fingerprint)
        #expect(ListCursor.parse(cursor, fingerprint: fingerprint) == 42)
        query.pageSize = 7
        query.after = 9
        #expect(ListCursor.fingerprint(query) == fingerprint, "page size and position are not filters")
        query.status = .accepted
        #expect(ListCursor.parse(cursor, fingerprint: ListCursor.fingerprint(query)) == nil)
        #expect(ListCursor.parse("not a cursor", fingerprint: fingerprint) == nil)
    }

    @Test("differences list changed, added and removed fields with masked personal numbers")
    func differences() throws {
        let before = content(name: "开平发布", mobile: "13800138000", admins: [("甲", "13900139000")])
        let after = content(name: "开平发布厅", mobile: "13700137000", admins: [("甲", "13900139000"), ("乙", "13600136000")])
        let changes = try VersionDiff.changes(from: before, to: after)
        #expect(changes.map(\.path) == ["operator.mobile", "object.name", "object.administrators[1]"])
        #expect(changes[0].before == "138****8000" && changes[0].after == "137****7000")
        #expect(changes[2].before == Optional<JSONValue>.none, "added: nothing before")
        #expect(changes[2].after?["mobile"] == "136****6000")
        #expect(try VersionDiff.changes(from: before, to: before).isEmpty)
    }

    @Test("staff scope: the office, a listed local office, or nothing")
    func staffScope() throws {
        let profile = try #require(try ReferenceData.loadBundled().profile(officeCode: "130500"))
        #expect(StaffScope.of(organization: "130500", profile: profile) == .office)
        #expect(StaffScope.of(organization: "130529", profile: profile) == .localOffice("130529"))
        #expect(StaffScope.of(organization: "xtkfq", profile: profile) == .localOffice("xtkfq"))
        #expect(StaffScope.of(organization: "440783", profile: profile) == nil)
        #expect(StaffScope.localOffice("130529").covers(localOffice: "130529"))
        #expect(!StaffScope.localOffice("130529").covers(localOffice: nil))
        #expect(StaffScope.office.covers(localOffice: "130503"))
    }

    @Test("identity results become one bilingual violation per field; a number of the wrong kind is refused")
    func identityViolations() {
        let reasons = [IdentityReason(code: "bad_check_character", zh: "校验码错误", en: "wrong check character"),
                       IdentityReason(code: "unknown_region", zh: "地址码不存在", en: "unknown region")]
        let invalid = IdentityNumbers.violation(for: IdentityResult(ref: nil, valid: false, kind: "resident_id",
                                                                    reasons: reasons), ref: "operator.id_number")
        #expect(invalid?.rule == "bad_check_character")
        #expect(invalid?.messageZh == "身份证号无效：校验码错误；地址码不存在")
        #expect(invalid?.messageEn.hasSuffix("wrong check character; unknown region") == true)
        let wrongKind = IdentityNumbers.violation(for: IdentityResult(ref: nil, valid: true, kind: "organization_code"),
                                                  ref: "operator.responsible_person.id_number")
        #expect(wrongKind?.rule == "identity_kind")
        #expect(IdentityNumbers.violation(for: IdentityResult(ref: nil, valid: true, kind: "unified_social_credit_code"),
                                          ref: "operator.credit_code") == nil)
    }

    @Test("numbers that cannot be identity numbers are refused without asking identity")
    func malformedNumbers() {
        let queries = [IdentityQuery(value: "91440783MA5AB12C3X", ref: "operator.credit_code"),
                       IdentityQuery(value: String(repeating: "9", count: 40), ref: "operator.organization_code"),
                       IdentityQuery(value: "4407831990030712３4", ref: "operator.responsible_person.id_number")]
        let violations = IdentityNumbers.formatViolations(queries)
        #expect(violations.map(\.field) == ["operator.organization_code", "operator.responsible_person.id_number"])
        #expect(violations.allSatisfy { $0.rule == "identity_format" })
    }

    @Test("check characters are verified here: person numbers by MOD 11-2, credit codes by GB 32100; other shapes are left to identity")
    func checkCharacters() {
        let person = TestIdentityNumbers.resident(region: "440783", sequence: 21)
        let credit = TestIdentityNumbers.creditCode(region: "440783")
        let queries = [
            IdentityQuery(value: person, ref: "operator.id_number"),
            IdentityQuery(value: TestIdentityNumbers.residentWithBadCheck(region: "440783", sequence: 21),
                          ref: "operator.responsible_person.id_number"),
            IdentityQuery(value: credit, ref: "operator.credit_code"),
            IdentityQuery(value: String(credit.dropLast()) + (credit.last == "1" ? "2" : "1"), ref: "operator.credit_code"),
            IdentityQuery(value: "123456789012345", ref: "operator.id_number"),
            IdentityQuery(value: "MA5AB12C3", ref: "operator.organization_code"),
        ]
        let violations = IdentityNumbers.checkCharacterViolations(queries)
        #expect(violations.map(\.field) == ["operator.responsible_person.id_number", "operator.credit_code"])
        #expect(violations.allSatisfy { $0.rule == "bad_check_character" })
        #expect(violations.first?.messageZh.contains("第18位校验码应为“\(person.last!)”") == true)
    }

    @Test("identity reasons decode from either message spelling")
    func reasonSpellings() throws {
        let a = try JSONCoding.decode(IdentityReason.self, from: Array(#"{"code":"x","zh":"甲","en":"a"}"#.utf8))
        let b = try JSONCoding.decode(IdentityReason.self,
                                      from: Array(#"{"code":"x","message_zh":"甲","message_en":"a","position":3}"#.utf8))
        #expect(a.zh == b.zh && a.en == b.en)
        #expect(b.position == 3)
    }

    private func content(name: String, mobile: String, admins: [(String, String)]) -> FilingContent {
        FilingContent(
            operator: .individual(IndividualOperator(name: "林小平", idNumber: "440783199003071234", mobile: mobile)),
            object: .account(PlatformAccount(platform: .douyin, name: name, accountId: "kp",
                                             administrators: admins.map { Administrator(name: $0.0, mobile: $0.1) })))
    }
}
