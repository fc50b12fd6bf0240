import BeianModel
import Testing

@Suite("Scope decisions from the seeds")
struct ScopeDecisionTests {
    static let outsider = Fixtures.person(id: "110101199003071234")  // Beijing ID

    @Test("Kaiping: follower threshold is inclusive (以上)", arguments: [
        (4_999, ScopeOutcome.outOfScope), (5_000, .inScope), (120_000, .inScope),
    ])
    func kaipingThreshold(followers: Int, expected: ScopeOutcome) throws {
        let decision = ScopeEvaluator.decide(profile: try Fixtures.profile(Fixtures.kaiping),
                                             operator: Fixtures.person(id: "440783199001011234"),
                                             object: Fixtures.account("美食日记", .douyin, followers: followers))
        #expect(decision.outcome == expected)
        let check = try #require(decision.threshold)
        #expect(check.minimumFollowers == 5_000)
        #expect(check.followers == followers)
        #expect(check.met == (followers >= 5_000))
    }

    @Test("Kaiping: platforms without a threshold and unknown follower counts")
    func kaipingOtherPlatforms() throws {
        let profile = try Fixtures.profile(Fixtures.kaiping)
        let local = Fixtures.person(id: "440783199001011234")
        let toutiao = ScopeEvaluator.decide(profile: profile, operator: local, object: Fixtures.account("日记", .toutiao, followers: 10))
        #expect(toutiao.outcome == .inScope)
        #expect(toutiao.threshold == nil)
        let unknown = ScopeEvaluator.decide(profile: profile, operator: local, object: Fixtures.account("日记", .kuaishou))
        #expect(unknown.outcome == .needsStaffReview)
        #expect(unknown.summaryEn.contains("follower count unknown"))
    }

    @Test("summaries in Chinese name the conditions and places in words, never by code")
    func chineseSummaries() throws {
        let profile = try Fixtures.profile(Fixtures.kaiping)
        let local = Fixtures.person(id: "440783199001011234")
        let inScope = ScopeEvaluator.decide(profile: profile, operator: local, object: Fixtures.account("開平美食", .toutiao))
        #expect(inScope.summaryZh == "属于备案范围（符合：名称含本地地名（開平）、备案主体（个人或单位）在本地）")
        #expect(inScope.summaryEn == "in scope: name_contains_place, registrant_in_territory")
        let unknown = ScopeEvaluator.decide(profile: profile, operator: local, object: Fixtures.account("日记", .kuaishou))
        #expect(unknown.summaryZh == "需人工审核：粉丝量不详（备案条件为5000以上）")
        let ambiguous = ScopeEvaluator.decide(profile: profile, operator: Self.outsider,
                                              object: Fixtures.account("开平路小吃", .toutiao))
        #expect(ambiguous.summaryZh.hasPrefix("需人工审核：依据不确定：名称含本地地名（"), "\(ambiguous.summaryZh)")
        for decision in [inScope, unknown, ambiguous] {
            #expect(!decision.summaryZh.contains { $0.isASCII && ($0.isLetter || $0 == "_") }, "\(decision.summaryZh)")
        }
    }

    @Test("Kaiping: traditional and full-width names match with position", arguments: [
        ("開平美食", "開平", 0), ("　食在　開平　", "開平", 2), ("赤坎鎮古鎮遊", "赤坎鎮", 0), ("我爱开平碉楼", "开平碉楼", 2),
    ])
    func kaipingNames(name: String, matched: String, offset: Int) throws {
        let decision = ScopeEvaluator.decide(profile: try Fixtures.profile(Fixtures.kaiping), operator: Self.outsider,
                                             object: Fixtures.account(name, .toutiao))
        #expect(decision.outcome == .inScope)
        let evidence = try #require(decision.evidence.first { $0.condition == .nameContainsPlace })
        #expect(evidence.field == "object.name")
        #expect(evidence.placeMatch?.matchedText == matched)
        #expect(evidence.placeMatch?.offset == offset)
    }

    @Test("ambiguous names need staff review", arguments: [
        (Fixtures.kaiping, "长沙美食", "湖南省长沙市"),
        (Fixtures.kaiping, "開平方計算器", "开平方"),
        (Fixtures.kaiping, "开平路小吃", "开平路"),
        (Fixtures.kaiping, "百合花开", "ordinary word"),
        (Fixtures.xingtai, "沙河口生活", "沙河口"),
        (Fixtures.xingtai, "桥东区便民", "张家口"),
        (Fixtures.shangluo, "山阳美食", "焦作"),
    ])
    func ambiguous(office: String, name: String, reason: String) throws {
        let decision = ScopeEvaluator.decide(profile: try Fixtures.profile(office), operator: Self.outsider,
                                             object: Fixtures.account(name, .toutiao))
        #expect(decision.outcome == .needsStaffReview)
        #expect(decision.evidence.contains { $0.ambiguous && $0.note.contains(reason) }, "\(decision.evidence.map(\.note))")
    }

    @Test("unambiguous forms decide", arguments: [
        (Fixtures.kaiping, "长沙街道办资讯"), (Fixtures.kaiping, "百合镇发布"), (Fixtures.kaiping, "开平发布"),
        (Fixtures.xingtai, "沙河发布"), (Fixtures.xingtai, "襄都区融媒"), (Fixtures.xingtai, "牛城生活"),
        (Fixtures.xingtai, "邢州往事"), (Fixtures.shangluo, "上洛文化"), (Fixtures.shangluo, "商丹园区资讯"),
        (Fixtures.hengdong, "衡东发布"), (Fixtures.hengdong, "洣水人家"), (Fixtures.hengdong, "衡東頭條"),
    ])
    func clean(office: String, name: String) throws {
        let decision = ScopeEvaluator.decide(profile: try Fixtures.profile(office), operator: Self.outsider,
                                             object: Fixtures.account(name, .toutiao))
        #expect(decision.outcome == .inScope, "\(decision.summaryEn)")
    }

    @Test("Xingtai: apps, mini programs and websites are referred to beian.gov.cn")
    func xingtaiReferral() throws {
        let profile = try Fixtures.profile(Fixtures.xingtai)
        let objects: [FilingObject] = [
            .app(AppObject(name: "邢台通")),
            .miniProgram(MiniProgram(name: "邢台公交", hostPlatform: "微信")),
            .website(Website(name: "邢台网", domain: "xt.example.cn", siteType: .commercial)),
        ]
        for object in objects {
            let decision = ScopeEvaluator.decide(profile: profile, operator: Fixtures.person(id: "130582199001011234"),
                                                 object: object)
            #expect(decision.outcome == .referredElsewhere)
            #expect(decision.referral?.url == "https://beian.gov.cn")
        }
    }

    @Test("Xingtai: a county alias in the name is in scope with that evidence and routed to the county office")
    func xingtaiCounty() throws {
        let decision = ScopeEvaluator.decide(profile: try Fixtures.profile(Fixtures.xingtai), operator: Self.outsider,
                                             object: Fixtures.account("任泽生活圈", .douyin))
        #expect(decision.outcome == .inScope)
        let match = try #require(decision.evidence.first?.placeMatch)
        #expect(match.place == "任泽区")
        #expect(match.matchedText == "任泽")
        #expect(decision.routing?.localOfficeId == "130526")
        #expect(decision.routing?.nameZh == "任县互联网信息办公室")
    }

    @Test("Xingtai: routing by division code of the ID, old and new codes", arguments: [
        ("130582199001011234", "130582"), ("132222197001011234", "130582"), ("130505200101011234", "130526"),
        ("130503198001011234", "130503"), ("130500199001011234", nil),
    ])
    func xingtaiRouting(id: String, office: String?) throws {
        let decision = ScopeEvaluator.decide(profile: try Fixtures.profile(Fixtures.xingtai), operator: Fixtures.person(id: id),
                                             object: Fixtures.account("生活日记", .kuaishou))
        #expect(decision.outcome == .inScope)
        let evidence = try #require(decision.evidence.first { $0.basis == .regionCode })
        #expect(evidence.regionCode == String(id.prefix(6)))
        #expect(decision.routing?.localOfficeId == office)
    }

    @Test("credit code characters 3-8 place a unit; a responsible person's ID alone needs review")
    func creditCode() throws {
        let profile = try Fixtures.profile(Fixtures.kaiping)
        let local = Fixtures.unit("某某文化传媒有限公司", creditCode: "91440783MA4W0XXX1Y")
        let decision = ScopeEvaluator.decide(profile: profile, operator: local, object: Fixtures.account("美食", .toutiao))
        #expect(decision.outcome == .inScope)
        #expect(decision.evidence.contains { $0.field == "operator.credit_code" && $0.regionCode == "440783" })
        let person = Fixtures.unit("某某公司", creditCode: "91110105MA4W0XXX1Y", responsibleID: "440724196501011234")
        let review = ScopeEvaluator.decide(profile: profile, operator: person, object: Fixtures.account("美食", .toutiao))
        #expect(review.outcome == .needsStaffReview)
    }

    @Test("declared facts and address decide", arguments: [
        (DeclaredScopeFacts(contentMostlyAboutTerritory: true), ScopeConditionKind.contentMostlyLocal),
        (DeclaredScopeFacts(publishesLocalNews: true), .publishesLocalNews),
        (DeclaredScopeFacts(previouslyFiledAndChanged: true), .previouslyFiledChanged),
        (DeclaredScopeFacts(residesInTerritory: true), .registrantInTerritory),
    ])
    func declared(facts: DeclaredScopeFacts, condition: ScopeConditionKind) throws {
        let decision = ScopeEvaluator.decide(profile: try Fixtures.profile(Fixtures.kaiping), operator: Self.outsider,
                                             object: Fixtures.account("生活", .toutiao), facts: facts)
        #expect(decision.outcome == .inScope)
        #expect(decision.evidence.map(\.condition) == [condition])
    }

    @Test("nothing local is out of scope; Gejiu files by opener only")
    func outOfScope() throws {
        let kaiping = ScopeEvaluator.decide(profile: try Fixtures.profile(Fixtures.kaiping), operator: Self.outsider,
                                            object: Fixtures.account("生活日记", .toutiao))
        #expect(kaiping.outcome == .outOfScope)
        #expect(kaiping.evidence.isEmpty)
        let gejiu = try Fixtures.profile(Fixtures.gejiu)
        let name = ScopeEvaluator.decide(profile: gejiu, operator: Self.outsider, object: Fixtures.account("个旧美食", .toutiao))
        #expect(name.outcome == .outOfScope)
        let local = ScopeEvaluator.decide(profile: gejiu, operator: Fixtures.person(id: "532501198801011234"),
                                          object: Fixtures.account("生活", .sinaWeibo))
        #expect(local.outcome == .inScope)
        let address = ScopeEvaluator.decide(profile: gejiu, operator: Fixtures.unit("锡业公司", address: "個舊市金湖東路1號"),
                                            object: Fixtures.account("生活", .wechatOfficialAccount))
        #expect(address.outcome == .inScope)
        #expect(address.evidence.contains { $0.field == "operator.address" && $0.placeMatch?.matchedText == "個舊市" })
    }

    @Test("Shangluo: mini programs are not covered; local branches of outside sites are")
    func shangluoKinds() throws {
        let profile = try Fixtures.profile(Fixtures.shangluo)
        let mini = ScopeEvaluator.decide(profile: profile, operator: Fixtures.person(id: "611002199001011234"),
                                         object: .miniProgram(MiniProgram(name: "商洛公交", hostPlatform: "微信")))
        #expect(mini.outcome == .outOfScope)
        let branch = ScopeEvaluator.decide(profile: profile, operator: Self.outsider, object: .website(Website(
            name: "某报陕南记者站", domain: "sn.example.com", hosting: .hostedElsewhere, siteType: .news,
            isLocalBranchOfOutsideSite: true)))
        #expect(branch.outcome == .inScope)
        #expect(branch.evidence.map(\.condition) == [.localBranchOfOutsideSite])
        let oldID = ScopeEvaluator.decide(profile: profile, operator: Fixtures.person(id: "612521196001011234"),
                                          object: Fixtures.account("生活", .douyin))
        #expect(oldID.outcome == .inScope)
        #expect(oldID.routing?.localOfficeId == "611002")
    }

    @Test("a registration date after today needs review")
    func futureDate() throws {
        var account = PlatformAccount(platform: .toutiao, name: "衡东发布", accountId: "hdfb")
        account.registrationDate = Fixtures.date("2019-08-01")
        let decision = ScopeEvaluator.decide(profile: try Fixtures.profile(Fixtures.hengdong), operator: Self.outsider,
                                             object: .account(account), today: Fixtures.date("2019-07-30"))
        #expect(decision.outcome == .needsStaffReview)
    }
}
