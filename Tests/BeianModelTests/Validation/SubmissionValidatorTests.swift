import BeianModel
import Foundation
import Testing

@Suite("Submission validation")
struct SubmissionValidatorTests {
    static let today = Fixtures.date("2024-03-01")

    static func goodAccount() -> FilingSubmission {
        FilingSubmission(
            officeCode: "440783",
            operator: OperatorInput(kind: "individual", name: " 林  小明 ", idNumber: "440783 19900101 123x",
                                    mobile: "+86 １３８-００１３-８０００", wechat: "lin_xm2024"),
            object: ObjectInput(kind: "account", name: "開平　美食", platform: "douyin", accountId: "kpms01",
                                businessScope: ["social_information", "advertising"], forms: ["video", "text"],
                                registrationDate: "2024-01-25", followers: 6000,
                                administrators: [AdministratorInput(name: "林小明", mobile: "13800138000",
                                                                    email: "Lin@QQ.COM")]),
            materials: [MaterialInput(kind: "own_id_copy", sha256: String(repeating: "ab", count: 32), size: 1024,
                                      mediaType: "image/JPEG")])
    }

    @Test("a good submission is normalized")
    func normalized() throws {
        let result = try SubmissionValidator.validate(Self.goodAccount(), today: Self.today)
        guard case .individual(let person) = result.content.operator else { Issue.record("not individual"); return }
        #expect(person.name == "林小明")
        #expect(person.idNumber == "44078319900101123X")
        #expect(person.mobile == "13800138000")
        #expect(result.content.object.name == "開平美食")
        #expect(result.content.object.administrators.first?.email == "Lin@qq.com")
        #expect(result.content.materials.first?.mediaType == "image/jpeg")
        guard case .account(let account) = result.content.object else { Issue.record("not account"); return }
        #expect(account.businessScope == [.socialInformation, .advertising])
        #expect(account.registrationDate?.iso == "2024-01-25")
    }

    @Test("an unknown enum value lists the choices: codes with their Chinese names in Chinese, codes in English")
    func enumChoices() {
        var list = ViolationList()
        #expect(list.optionalEnum(Platform.self, "脸书号", "object.platform", "平台", "Platform") == nil)
        #expect(list.optionalEnum(PeriodUnit.self, "weeks", "period.unit", "期限单位", "Unit") == nil)
        let platform = list.violations[0], unit = list.violations[1]
        #expect(platform.rule == "enum_value")
        #expect(platform.messageZh.contains("、douyin（抖音号）、"), "\(platform.messageZh)")
        #expect(platform.messageEn.contains("douyin, "), "\(platform.messageEn)")
        #expect(unit.messageZh.hasSuffix("可选：calendar_days、working_days、months"), "\(unit.messageZh)")
    }

    @Test("every violation is reported at once, bilingual")
    func everything() throws {
        let bad = FilingSubmission(
            officeCode: "44078",
            operator: OperatorInput(kind: "unit", name: "", unitType: "company", creditCode: nil,
                                    responsiblePerson: PersonInput(name: "王五", idNumber: " ", mobile: "12345678901",
                                                                   wechat: "1abc")),
            object: ObjectInput(kind: "account", name: String(repeating: "长", count: 101), platform: "myspace",
                                accountId: "x", businessScope: ["news_release", "gossip"], forms: ["hologram"],
                                registrationDate: "2024-02-30", followers: -5,
                                administrators: [AdministratorInput(name: "李四", mobile: "1380013800", email: "li@@qq"),
                                                 AdministratorInput(name: nil, mobile: nil)]),
            materials: [MaterialInput(kind: "selfie", sha256: "xyz", size: -1, mediaType: nil)])
        do {
            _ = try SubmissionValidator.validate(bad, today: Self.today)
            Issue.record("expected a failure")
        } catch {
            let expected: [(String, String)] = [
                ("office_code", "division_code_format"), ("operator.name", "required"),
                ("operator.unit_type", "enum_value"), ("operator.credit_code", "required"),
                ("operator.responsible_person.id_number", "required"),
                ("operator.responsible_person.mobile", "mobile_format"),
                ("operator.responsible_person.wechat", "wechat_format"), ("object.name", "too_long"),
                ("object.registration_date", "date_format"), ("object.platform", "enum_value"),
                ("object.business_scope[1]", "enum_value"), ("object.forms[0]", "enum_value"),
                ("object.followers", "followers_negative"), ("object.administrators[0].mobile", "mobile_format"),
                ("object.administrators[0].email", "email_format"), ("object.administrators[1].name", "required"),
                ("object.administrators[1].mobile", "required"), ("materials[0].kind", "enum_value"),
                ("materials[0].sha256", "sha256_format"), ("materials[0].size", "size_negative"),
                ("materials[0].media_type", "required"),
            ]
            for (field, rule) in expected {
                #expect(error.rules(for: field).contains(rule), "\(field) \(rule): \(error)")
            }
            #expect(error.violations.count == expected.count, "\(error)")
            #expect(error.violations.allSatisfy { !$0.messageZh.isEmpty && !$0.messageEn.isEmpty })
            #expect(error.violations.contains { $0.messageZh.contains("不能为空") })
        }
    }

    @Test("missing parts are required, dates must not be in the future")
    func missing() throws {
        do {
            _ = try SubmissionValidator.validate(FilingSubmission(), today: Self.today)
            Issue.record("expected failure")
        } catch {
            #expect(Set(error.violations.map(\.field)) == ["office_code", "operator", "object"])
        }
        var future = Self.goodAccount()
        future.object?.registrationDate = "2024-03-02"
        do {
            _ = try SubmissionValidator.validate(future, today: Self.today)
            Issue.record("expected failure")
        } catch {
            #expect(error.rules(for: "object.registration_date") == ["not_in_future"])
        }
    }

    @Test("website and other-platform rules")
    func kinds() throws {
        var site = Self.goodAccount()
        site.object = ObjectInput(kind: "website", name: "商洛之窗",
                                  administrators: [AdministratorInput(name: "杨楠", mobile: "13800138000")],
                                  domain: "HTTP://WWW.SLRBS.COM/index.html", hosting: "hosted_elsewhere", siteType: "news")
        let ok = try SubmissionValidator.validate(site, today: Self.today)
        guard case .website(let website) = ok.content.object else { Issue.record("not website"); return }
        #expect(website.domain == "www.slrbs.com")
        var other = Self.goodAccount()
        other.object?.platform = "other"
        do {
            _ = try SubmissionValidator.validate(other, today: Self.today)
            Issue.record("expected failure")
        } catch {
            #expect(error.rules(for: "object.other_platform_name") == ["required"])
        }
    }

    @Test("submissions decode from snake_case JSON with gaps")
    func decodeWithGaps() throws {
        let json = #"{"office_code":"130500","operator":{"kind":"individual"},"object":{"kind":"app","followers":3}}"#
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let submission = try decoder.decode(FilingSubmission.self, from: Data(json.utf8))
        #expect(submission.operator?.kind == "individual")
        #expect(throws: ValidationFailure.self) { try SubmissionValidator.validate(submission, today: Self.today) }
    }
}

@Suite("Contact rules")
struct ContactRulesTests {
    @Test("mobiles", arguments: [
        ("13800138000", "13800138000"), ("+8613800138000", "13800138000"), ("0086 138 0013 8000", "13800138000"),
        ("８６１３８００１３８０００", "13800138000"), ("138-0013-8000", "13800138000"), ("19912345678", "19912345678"),
    ])
    func goodMobiles(input: String, expected: String) {
        #expect(ContactRules.normalizeMobile(input) == expected)
    }

    @Test("not mobiles", arguments: ["12800138000", "1380013800", "138001380001", "010-12345678", "abc", "", "+85213800138000"])
    func badMobiles(input: String) {
        #expect(ContactRules.normalizeMobile(input) == nil)
    }

    @Test("e-mail syntax", arguments: [
        ("644636946@qq.com", true), ("wlglhzfdck@163.com", true), ("a.b+c@sub.example.cn", true),
        ("a..b@qq.com", false), (".a@qq.com", false), ("a@qq", false), ("a@-qq.com", false), ("a@qq.c0m", false),
        ("a@b@qq.com", false), ("张三@qq.com", false), ("", false),
    ])
    func email(input: String, valid: Bool) {
        #expect(ContactRules.isEmail(input) == valid)
    }

    @Test("full-width e-mail is normalized")
    func emailNormalization() {
        #expect(ContactRules.normalizeEmail("ｌｉｎ＠ＱＱ.ＣＯＭ") == "lin@qq.com")
    }
}
