import BeianModel
import Testing

/// Enum fields take the Chinese name of a value as well as its code (`EnumParsing`).
@Suite("Enum values by Chinese name")
struct ChineseEnumValueTests {
    static let today = Fixtures.date("2024-03-01")

    static func unitAccount(kind: String, unitType: String, objectKind: String, platform: String,
                            scope: [String], forms: [String]) -> FilingSubmission {
        FilingSubmission(
            officeCode: "440783",
            operator: OperatorInput(kind: kind, name: "开平市美食有限公司", unitType: unitType,
                                    creditCode: "91440783MA4UTEST0X",
                                    responsiblePerson: PersonInput(name: "林小明", idNumber: "440783199001011234",
                                                                   mobile: "13800138000")),
            object: ObjectInput(kind: objectKind, name: "开平美食", platform: platform, accountId: "kpms01",
                                businessScope: scope, forms: forms, registrationDate: "2024-01-25",
                                administrators: [AdministratorInput(name: "林小明", mobile: "13800138000")]))
    }

    static func website(hosting: String, siteType: String) -> FilingSubmission {
        FilingSubmission(
            officeCode: "611000",
            operator: OperatorInput(kind: "individual", name: "林小明", idNumber: "440783199001011234",
                                    mobile: "13800138000"),
            object: ObjectInput(kind: "website", name: "商洛美食网", administrators: [
                AdministratorInput(name: "林小明", mobile: "13800138000"),
            ], domain: "www.slms.cn", hosting: hosting, siteType: siteType))
    }

    @Test("a form in Chinese labels validates to the same as one in codes")
    func chineseLabels() throws {
        let codes = try SubmissionValidator.validate(
            Self.unitAccount(kind: "unit", unitType: "enterprise", objectKind: "account", platform: "douyin",
                             scope: ["convenience_services", "news_release"], forms: ["video", "text"]),
            today: Self.today)
        let chinese = try SubmissionValidator.validate(
            Self.unitAccount(kind: "单位", unitType: "企业", objectKind: "新媒体账号", platform: "抖音号",
                             scope: ["便民服务", "新闻发布"], forms: ["视频", "文字"]),
            today: Self.today)
        #expect(chinese == codes)
        // Tolerant as every field is: whitespace around, full-width letters.
        let spaced = try SubmissionValidator.validate(
            Self.unitAccount(kind: " 单位 ", unitType: "\u{3000}企业", objectKind: "account", platform: "抖音号 ",
                             scope: ["便民服务\u{3000}", " news_release"], forms: ["视频", "ｔｅｘｔ"]),
            today: Self.today)
        #expect(spaced == codes)
    }

    @Test("individual operators, websites: 个人, 本单位内部管理, 商业类 …")
    func websiteLabels() throws {
        let codes = try SubmissionValidator.validate(Self.website(hosting: "hosted_elsewhere", siteType: "commercial"),
                                                     today: Self.today)
        var chinese = Self.website(hosting: "服务器托管", siteType: "商业类")
        chinese.operator?.kind = "个人"
        chinese.object?.kind = "网站"
        #expect(try SubmissionValidator.validate(chinese, today: Self.today) == codes)
        guard case .website(let site) = codes.content.object else { Issue.record("not a website"); return }
        #expect(site.hosting == .hostedElsewhere && site.siteType == .commercial)
        #expect(Hosting.inHouse.zh == "本单位内部管理" && SiteType.commercial.zh == "商业类")
    }

    @Test("an unknown label is still enum_value, listing codes with the names accepted")
    func unknownLabel() {
        var list = ViolationList()
        #expect(list.optionalEnum(Platform.self, "抖音国际版", "object.platform", "服务类型", "Platform") == nil)
        #expect(list.optionalEnum(OperatorKind.self, "法人", "operator.kind", "备案人类型", "Operator kind") == nil)
        #expect(list.optionalEnum(SiteType.self, "企业网站", "object.site_type", "网站类型", "Site type") == nil)
        // Exact on the word: aliases and other spellings are not names.
        #expect(list.optionalEnum(Platform.self, "抖音", "object.platform", "服务类型", "Platform") == nil)
        #expect(list.violations.map(\.rule) == ["enum_value", "enum_value", "enum_value", "enum_value"])
        let platform = list.violations[0], kind = list.violations[1], site = list.violations[2]
        #expect(platform.messageZh.contains("、douyin（抖音号）、"), "\(platform.messageZh)")
        #expect(platform.messageEn.hasSuffix("is not one of: wechat_official_account, sina_weibo, douyin, kuaishou, toutiao, xiaohongshu, penguin, baijia, netease, yidian, sohu, dafeng, dayu, kandian, tiantian_kuaibao, other"), "\(platform.messageEn)")
        #expect(kind.messageZh == "备案人类型的取值“法人”无效，可选：unit（单位）、individual（个人）", "\(kind.messageZh)")
        #expect(kind.messageEn == "Operator kind \"法人\" is not one of: unit, individual", "\(kind.messageEn)")
        #expect(site.messageZh.hasSuffix("可选：news（新闻类）、government（政务类）、commercial（商业类）、non_profit（社会类）"),
                "\(site.messageZh)")
    }

    @Test("every name listed is accepted: the Chinese names of each enum are distinct")
    func namesDistinct() {
        func check<E: RawRepresentable & CaseIterable & ChineseNamed>(_ type: E.Type) where E.RawValue == String {
            for value in E.allCases {
                #expect(EnumParsing.acceptedChineseName(value) == value.zh, "\(E.self).\(value.rawValue)")
                #expect(EnumParsing.value(E.self, value.zh)?.rawValue == value.rawValue, "\(E.self) \(value.zh)")
            }
        }
        check(Platform.self); check(FilingStatus.self); check(MaterialKind.self); check(BusinessScope.self)
        check(ContentForm.self); check(ObjectKind.self); check(OperatorKind.self); check(UnitType.self)
        check(PublicSector.self); check(ScopeConditionKind.self); check(SanctionMeasure.self); check(Hosting.self)
        check(SiteType.self)
    }

    enum Twin: String, CaseIterable, ChineseNamed {
        case first, second, third
        var zh: String { self == .third ? "第三" : "其他" }
    }

    @Test("a Chinese name two cases share is refused as ambiguous, and not offered")
    func ambiguous() {
        var list = ViolationList()
        #expect(list.optionalEnum(Twin.self, "其他", "f", "字段", "Field") == nil)
        #expect(list.optionalEnum(Twin.self, "第三", "f", "字段", "Field") == .third)
        #expect(list.optionalEnum(Twin.self, "第四", "f", "字段", "Field") == nil)
        #expect(list.violations.map(\.rule) == ["enum_ambiguous", "enum_value"])
        #expect(list.violations[0].messageZh == "字段的取值“其他”可指first、second，请填写其中一个代码")
        #expect(list.violations[1].messageZh == "字段的取值“第四”无效，可选：first、second、third（第三）")
    }
}
