import BeianJSON
import Foundation
import Testing
import TestSupport

/// `beian filing` output in words, not codes: scope reasons, history, allowed values, English
/// names, errors; and `check` of an object this office does not file.
@Suite("beian filing wording")
struct FilingWordingTests {
    @Test("scope reasons and history in Chinese, English names with --lang en, Chinese choices and filters")
    func shangluo() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let operatorCLI = BeianCLI.anonymous(office)
            let clerk = try BeianCLI.clerk(office)
            let submitted = try await operatorCLI.filing(["submit", "--lang", "en"] + FilingCommandTests.accountFlags)
            #expect(submitted.exitCode == 0, "\(submitted.standardError)")
            let missing = submitted.lines.first { $0.hasPrefix("Materials missing:") } ?? ""
            #expect(missing.contains("filing form") && !missing.contains("filing_form"), "\(missing)")
            let id = try #require(submitted.lines.first?.components(separatedBy: ": ").last)

            let status = try await clerk.filing(["status", id])
            #expect(status.standardOutput.contains("符合："), "\(status.standardOutput)")
            for code in ["registrant_in_territory", "name_contains_place", "object_kind=", "in_scope", " v1 "] {
                #expect(!status.standardOutput.contains(code), "\(code) in \(status.standardOutput)")
            }
            #expect(status.standardOutput.contains("提交 第1版  备案人"), "\(status.standardOutput)")
            let english = try await clerk.filing(["status", id, "--lang", "en"])
            let object = english.lines.first { $0.hasPrefix("Object:") } ?? ""
            #expect(object.contains("(account, ") && !object.contains("，"), "\(object)")

            var badScope = FilingCommandTests.accountFlags
            badScope[badScope.firstIndex(of: "社会资讯、便民服务")!] = "卖货"
            let refused = try await operatorCLI.filing(["submit"] + badScope)
            #expect(refused.exitCode == 3)
            #expect(refused.standardError.contains("参数无效 INVALID_ARGUMENT"), "\(refused.standardError)")
            #expect(refused.standardError.contains("可选：便民服务、"), "\(refused.standardError)")
            #expect(!refused.standardError.contains("convenience_services"))

            #expect(try await clerk.filing(["review", id, "accept"]).exitCode == 0)
            let accepted = try await clerk.filing(["list", "--status", "已备案", "--verification", "已核验"])
            #expect(accepted.exitCode == 0, "\(accepted.standardError)")
            #expect(accepted.standardOutput.contains(id))
        }
    }

    @Test("Xingtai app: check shows where to file and no deadline or materials; submit explains in words, not JSON")
    func referredApp() async throws {
        try await withIntakeOffice("130500", today: "2020-06-01") { office in
            let cli = BeianCLI.anonymous(office)
            let form = ["--object-kind", "app", "--account-name", "邢台便民通", "--operator-kind", "individual",
                        "--name", "赵强", "--id-number", Forms.resident("130503", 7), "--mobile", "13500135000"]
            let check = try await cli.filing(["check"] + form)
            #expect(check.exitCode == 0, "\(check.standardError)")
            #expect(check.standardOutput.contains("能否受理：不能"))
            #expect(check.standardOutput.contains("应到此备案："), "\(check.standardOutput)")
            #expect(!check.standardOutput.contains("时限："), "\(check.standardOutput)")
            #expect(!check.standardOutput.contains("需提交材料"), "\(check.standardOutput)")

            let submit = try await cli.filing(["submit"] + form)
            #expect(submit.exitCode == 9)
            #expect(submit.standardError.contains("状态不允许 FAILED_PRECONDITION"))
            #expect(submit.standardError.contains("应到此备案："), "\(submit.standardError)")
            #expect(!submit.standardError.contains("{\""), "no raw JSON: \(submit.standardError)")
            #expect(submit.standardError.utf8.count < 800, "\(submit.standardError)")
        }
    }

    @Test("check of an account already filed says 不能 and why; timeliness words and local offices as staff type them; empty periods refused")
    func filedAccountAndFilters() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let operatorCLI = BeianCLI.anonymous(office)
            let clerk = try BeianCLI.clerk(office)
            let head = try BeianCLI.head(office)
            let form = FilingCommandTests.accountFlags
            let before = try await operatorCLI.filing(["check"] + form)
            #expect(before.standardOutput.contains("能否受理：能"), "\(before.standardOutput)")
            let submitted = try await operatorCLI.filing(["submit"] + form)
            #expect(submitted.exitCode == 0, "\(submitted.standardError)")
            let check = try await operatorCLI.filing(["check"] + form)
            #expect(check.exitCode == 0, "\(check.standardError)")
            #expect(check.standardOutput.contains("能否受理：不能"), "\(check.standardOutput)")
            #expect(check.standardOutput.contains("不能受理：微信公众号账号“shangluo_travel”已在本办备案"),
                    "\(check.standardOutput)")
            let again = try await operatorCLI.filing(["submit"] + form)
            #expect(again.exitCode == 6 && again.standardError.contains("账号“shangluo_travel”已在本办备案"))

            let listed = try await clerk.filing(["list"])
            let exported = try await clerk.filing(["export", "--out", "-"])
            // Filed within the concentrated window: the same words in the list, the CSV and the statistics.
            #expect(listed.standardOutput.contains("  集中备案期内  "), "\(listed.standardOutput)")
            #expect(exported.standardOutput.contains(",集中备案期内,"), "\(exported.standardOutput)")
            let stats = try await head.filing(["stats"])
            #expect(stats.standardOutput.contains("集中备案期内"), "\(stats.standardOutput)")
            #expect(!listed.standardOutput.contains("提前"))
            for word in ["集中备案期内", "提前", "early"] {
                let found = try await clerk.filing(["list", "--timeliness", word])
                #expect(found.exitCode == 0 && found.standardOutput.contains("商洛旅游"), "\(word): \(found.standardError)")
            }
            for word in ["逾期备案", "逾期", "按期", "按时"] {
                let none = try await clerk.filing(["list", "--timeliness", word])
                #expect(none.exitCode == 0 && !none.standardOutput.contains("商洛旅游"), "\(word): \(none.standardError)")
            }
            let bad = try await clerk.filing(["list", "--timeliness", "准时"])
            #expect(bad.exitCode == 3)
            #expect(bad.standardError.contains("时限的取值“准时”无效，可选：集中备案期内、按期、逾期备案"), "\(bad.standardError)")

            for arguments in [["list", "--local-office", "999999"], ["export", "--out", "-", "--local-office", "商州"]] {
                let refused = try await clerk.filing(arguments)
                #expect(refused.exitCode == 3, "\(arguments)")
                #expect(refused.standardError.contains("不在本办名单中"), "\(refused.standardError)")
            }
            let unknown = try await head.filing(["stats", "--local-office", "abc"])
            #expect(unknown.exitCode == 3 && unknown.standardError.contains("属地网信办“abc”不在本办名单中"),
                    "\(unknown.standardError)")
            let named = try await head.filing(["stats", "--local-office", "商州区"])
            #expect(named.exitCode == 0, "\(named.standardError)")
            #expect(named.standardOutput.contains("商州区委网信办"), "\(named.standardOutput)")
            let period = try await head.filing(["stats", "--from", "2026-12-31", "--to", "2026-01-01"])
            #expect(period.exitCode == 2)
            #expect(period.standardError.contains("--from 2026-12-31 晚于 --to 2026-01-01"), "\(period.standardError)")
        }
    }
}
