import BeianModel
import Foundation
import Testing

@Suite("JSON coding with snake_case names")
struct JSONCodingTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    static func sampleFiling() throws -> Filing {
        let unit = Operator.unit(UnitOperator(
            name: "开平市某某传媒有限公司", unitType: .enterprise, publicSector: .stateEnterprise,
            creditCode: "91440783MA4W0XXX1Y", address: "开平市长沙街道",
            responsiblePerson: ResponsiblePerson(name: "王五", idNumber: "440783199001011234", mobile: "13900139000",
                                                 wechat: "wangwu88")))
        let account = PlatformAccount(platform: .wechatOfficialAccount, name: "开平发布", accountId: "kpfb",
                                      businessScope: [.newsRelease, .convenienceServices], forms: [.text, .video],
                                      registrationDate: Fixtures.date("2024-01-25"), hasNewsLicence: false, followers: 5000,
                                      administrators: [Administrator(name: "林", mobile: "13800138000", email: "l@qq.com")])
        let content = FilingContent(operator: unit, object: .account(account), materials: [
            MaterialReference(kind: .businessLicence, sha256: String(repeating: "a", count: 64), size: 2048,
                              mediaType: "application/pdf")], scopeFacts: DeclaredScopeFacts(publishesLocalNews: true))
        let filing = Filing(id: "F-1", officeCode: "440783", content: content, by: "op", at: try Timestamp(iso: "2024-01-26T01:02:03Z"))
        return try filing.applying(.submit, by: "op", at: try Timestamp(iso: "2024-01-26T02:00:00Z"))
            .applying(.returnForCorrection(reason: "补正"), by: "staff", at: try Timestamp(iso: "2024-01-27T02:00:00Z"))
    }

    @Test("a filing round-trips and uses stable snake_case names and values")
    func roundTrip() throws {
        let filing = try Self.sampleFiling()
        let data = try Self.encoder().encode(filing)
        let text = String(decoding: data, as: UTF8.self)
        for fragment in [#""kind":"unit""#, #""kind":"account""#, #""platform":"wechat_official_account""#,
                         #""status":"returned_for_correction""#, #""unit_type":"enterprise""#,
                         #""public_sector":"state_enterprise""#, #""responsible_person":{"#, #""office_code":"440783""#,
                         #""business_scope":["news_release","convenience_services"]"#, #""registration_date":"2024-01-25""#,
                         #""at":"2024-01-26T01:02:03Z""#, #""publishes_local_news":true"#, #""media_type":"application\/pdf""#,
                         #""has_news_licence":false"#, #""kind":"business_licence""#] {
            #expect(text.contains(fragment), "missing \(fragment)")
        }
        let decoded = try Self.decoder().decode(Filing.self, from: data)
        #expect(decoded == filing)
    }

    @Test("every object kind and operator kind round-trips", arguments: [
        FilingObject.website(Website(name: "商洛之窗", domain: "www.slrbs.com", hosting: .hostedElsewhere, siteType: .nonProfit)),
        .app(AppObject(name: "邢台通", packageName: "cn.xt.app")),
        .miniProgram(MiniProgram(name: "衡东公交", hostPlatform: "微信", appId: "wx123")),
        .account(PlatformAccount(platform: .other, otherPlatformName: "哔哩哔哩", name: "个旧UP", accountId: "123")),
    ])
    func objects(object: FilingObject) throws {
        let data = try Self.encoder().encode(object)
        #expect(try Self.decoder().decode(FilingObject.self, from: data) == object)
        #expect(String(decoding: data, as: UTF8.self).contains(#""kind":"\#(object.kind.rawValue)""#))
        let person = Fixtures.person(publicServant: true, official: true)
        #expect(try Self.decoder().decode(Operator.self, from: Self.encoder().encode(person)) == person)
    }

    @Test("unknown enum values fail decoding of model types")
    func unknownEnum() {
        let json = #"{"kind":"account","platform":"myspace","name":"x","account_id":"y","business_scope":[],"forms":[],"has_news_licence":false,"administrators":[]}"#
        #expect(throws: DecodingError.self) { try Self.decoder().decode(FilingObject.self, from: Data(json.utf8)) }
    }

    @Test("scope decisions and deadline assessments encode")
    func decisions() throws {
        let decision = ScopeEvaluator.decide(profile: try Fixtures.profile(Fixtures.xingtai), operator: Fixtures.person(),
                                             object: Fixtures.account("沙河发布"))
        let text = String(decoding: try Self.encoder().encode(decision), as: UTF8.self)
        #expect(text.contains(#""outcome":"in_scope""#))
        #expect(text.contains(#""condition":"name_contains_place""#))
        #expect(text.contains(#""local_office_id":"130582""#))
    }
}
