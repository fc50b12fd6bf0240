import BeianModel
import BeianReferenceData
import Foundation
import Testing

@Suite("Policy profiles load and are checked")
struct ProfileLoadingTests {
    @Test("all five offices load with their seeds")
    func allFive() throws {
        let data = try Fixtures.data()
        let expected = [("611000", "000_84c7f5805b459486.txt"), ("440783", "001_d96a76dffb2c203b.txt"),
                        ("430424", "002_9704c266baa4b75c.txt"), ("130500", "003_439e2417ac31e10f.txt"),
                        ("532501", "004_bb7659ce0f0a3f22.txt")]
        #expect(data.profiles.count == 5)
        for (code, seed) in expected {
            let profile = try Fixtures.profile(code)
            #expect(profile.source.seedFile == seed)
            #expect(ProfileValidator.issues(in: profile).isEmpty)
        }
        #expect(data.calendar.coveredYears == 2019...2026)
    }

    @Test("Xingtai lists 20 local offices with their contacts; renamed districts route to the old offices")
    func xingtaiOffices() throws {
        let profile = try Fixtures.profile(Fixtures.xingtai)
        #expect(profile.localOffices.count == 20)
        #expect(profile.localOffices.allSatisfy { $0.address != nil && $0.email != nil && $0.phone != nil && !$0.contacts.isEmpty })
        let ningjin = try #require(profile.localOffices.first { $0.id == "130528" })
        #expect(ningjin.contacts == ["李伟", "张战钦"])
        #expect(profile.territory.places.first { $0.name == "襄都区" }?.localOffice == "130502")
        #expect(profile.contact.people == ["刘燕龙", "韩涛"])
    }

    @Test("profiles hold the seeds' numbers")
    func numbers() throws {
        let kaiping = try Fixtures.profile(Fixtures.kaiping)
        #expect(kaiping.followerThresholds.first?.minimumFollowers == 5_000)
        #expect(Set(kaiping.followerThresholds.first?.platforms ?? []) ==
                [.douyin, .kuaishou, .sinaWeibo, .xiaohongshu, .wechatOfficialAccount])
        #expect(kaiping.window?.start.iso == "2023-12-21" && kaiping.window?.end.iso == "2024-01-19")
        #expect(kaiping.sanctions.map(\.measure) == [.publicNotice, .interview, .warning, .restrictPublishing,
                                                     .suspendUpdates, .permanentClosure])
        let gejiu = try Fixtures.profile(Fixtures.gejiu)
        #expect(Set(gejiu.materials.filter { $0.appliesTo == .government }.flatMap(\.anyOf)).isSuperset(of: [
            .leadershipMeetingMinutes, .principalLeaderApproval, .editorialTeamList, .reviewRules, .securityMeasures]))
        #expect(gejiu.deadlines.contains { $0.event == .closure && $0.period == Period(5, .workingDays) })
        #expect(try Fixtures.profile(Fixtures.shangluo).deadlines.contains { $0.event == .newAccount && $0.period == Period(1, .months) })
    }

    @Test("filing numbers render from each template")
    func filingNumbers() throws {
        #expect(try Fixtures.profile(Fixtures.kaiping).filingNumber.render(year: 2024, sequence: 17) == "粤开平网信备202400017号")
        #expect(try Fixtures.profile(Fixtures.xingtai).filingNumber.render(year: 2020, sequence: 3, local: "04")
                == "冀邢台网信备2020040003号")
        #expect(throws: FilingNumberError.self) {
            try Fixtures.profile(Fixtures.hengdong).filingNumber.render(year: 2019, sequence: 100_000)
        }
        #expect(throws: FilingNumberError.self) {
            try FilingNumberFormat(template: "{year}-{seq:4}-{month}", note: nil).render(year: 2024, sequence: 1)
        }
    }

    struct Breakage: Sendable, CustomTestStringConvertible {
        let what: String
        let edit: @Sendable (inout [String: Any]) -> Void
        let field: String
        let rule: String
        var testDescription: String { what }
    }

    static let breakages: [Breakage] = [
        Breakage(what: "unknown platform", edit: { json in
            var thresholds = json["follower_thresholds"] as! [[String: Any]]
            thresholds[0]["platforms"] = ["douyin", "myspace"]
            json["follower_thresholds"] = thresholds
        }, field: "follower_thresholds[0].platforms[1]", rule: "enum_value"),
        Breakage(what: "negative threshold", edit: { json in
            var thresholds = json["follower_thresholds"] as! [[String: Any]]
            thresholds[0]["minimum_followers"] = -1
            json["follower_thresholds"] = thresholds
        }, field: "follower_thresholds[0].minimum_followers", rule: "threshold_negative"),
        Breakage(what: "bad date", edit: { json in
            json["window"] = ["start": "2023-12-21", "end": "2024-02-30", "wording": "x"]
        }, field: "window.end", rule: "date_format"),
        Breakage(what: "window end before start", edit: { json in
            json["window"] = ["start": "2024-01-19", "end": "2023-12-21", "wording": "x"]
        }, field: "window.end", rule: "window_order"),
        Breakage(what: "unknown material kind", edit: { json in
            var materials = json["materials"] as! [[String: Any]]
            materials[1]["any_of"] = ["passport_photo"]
            json["materials"] = materials
        }, field: "materials[1].any_of[0]", rule: "enum_value"),
        Breakage(what: "missing field", edit: { json in json.removeValue(forKey: "scope_conditions") },
                 field: "scope_conditions", rule: "required"),
        Breakage(what: "wrong type", edit: { json in json["platforms"] = "douyin" }, field: "platforms", rule: "type"),
        Breakage(what: "misspelled key (would be silently ignored)", edit: { json in
            var territory = json["territory"] as! [String: Any]
            var places = territory["places"] as! [[String: Any]]
            places[0]["sharedWith"] = ["湖南省长沙市"]
            territory["places"] = places
            json["territory"] = territory
        }, field: "territory.places[0].sharedWith", rule: "unknown_field"),
        Breakage(what: "bad filing-number template", edit: { json in
            json["filing_number"] = ["template": "粤开平{year}"]
        }, field: "filing_number.template", rule: "template"),
        Breakage(what: "unknown period unit", edit: { json in
            var deadlines = json["deadlines"] as! [[String: Any]]
            deadlines[0]["period"] = ["count": 30, "unit": "fortnights"]
            json["deadlines"] = deadlines
        }, field: "deadlines[0].period.unit", rule: "enum_value"),
    ]

    @Test("a broken profile names file, field and rule", arguments: breakages)
    func broken(_ breakage: Breakage) throws {
        let directory = try Self.copyOfBundledData()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("profiles/440783-kaiping.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        breakage.edit(&json)
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        do {
            _ = try ReferenceData.load(directory: directory)
            Issue.record("\(breakage.what) was accepted")
        } catch {
            #expect(error.file == "profiles/440783-kaiping.json")
            #expect(error.field == breakage.field, "\(error)")
            #expect(error.rule == breakage.rule, "\(error)")
            #expect(error.description.contains("440783-kaiping.json"))
        }
    }

    @Test("duplicate office codes, bad JSON and a missing calendar are refused")
    func wholeFile() throws {
        let directory = try Self.copyOfBundledData()
        defer { try? FileManager.default.removeItem(at: directory) }
        let profiles = directory.appendingPathComponent("profiles")
        try FileManager.default.copyItem(at: profiles.appendingPathComponent("440783-kaiping.json"),
                                         to: profiles.appendingPathComponent("999999-copy.json"))
        #expect(Self.loadError(directory)?.rule == "duplicate_office_code")
        #expect(Self.loadError(directory)?.file == "profiles/999999-copy.json")
        try Data("{ not json".utf8).write(to: profiles.appendingPathComponent("999999-copy.json"))
        #expect(Self.loadError(directory)?.rule == "json_syntax")
        try FileManager.default.removeItem(at: profiles.appendingPathComponent("999999-copy.json"))
        #expect(Self.loadError(directory) == nil)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("calendar/cn-rest-days-2019-2026.tsv"))
        #expect(Self.loadError(directory)?.rule == "required")
    }

    @Test("BEIAN_DATA_DIR overrides the bundled data")
    func environmentOverride() throws {
        let directory = try Self.copyOfBundledData()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("profiles/611000-shangluo.json"))
        let overridden = try ReferenceData.load(environment: ["BEIAN_DATA_DIR": directory.path])
        #expect(overridden.profiles.count == 4)
        #expect(try ReferenceData.load(environment: [:]).profiles.count == 5)
    }

    static func loadError(_ directory: URL) -> ReferenceDataError? {
        do { _ = try ReferenceData.load(directory: directory); return nil } catch { return error }
    }

    static func copyOfBundledData() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("beian-refdata-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ReferenceData.bundledDirectory, to: target)
        return target
    }
}
