import BeianJSON
import Foundation
import Testing
import TestSupport

/// `beian filing` subcommands as processes: an operator's filing from submission to closure, with
/// the staff's review in between.
@Suite("beian filing commands")
struct FilingCommandTests {
    static let accountFlags = [
        "--platform", "微信公众号", "--account-name", "商洛旅游", "--account-id", "shangluo_travel", "--followers", "3000",
        "--registered", "2021-05-02", "--business-scope", "社会资讯、便民服务", "--forms", "文字、图片",
        "--operator-kind", "individual", "--name", "刘洋", "--id-number", Forms.resident("611002", 77),
        "--mobile", "13800138077",
    ]

    @Test("submit → status → review → change → diff → list → close, with receipts saved 0600 and readable output")
    func operatorLifecycle() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let operatorCLI = BeianCLI.anonymous(office)
            let clerk = try BeianCLI.clerk(office, name: "审核科员")
            let receiptFile = office.root.file("receipt.json")

            let submitted = try await operatorCLI.filing(["submit"] + Self.accountFlags + ["--save-receipt", receiptFile])
            #expect(submitted.exitCode == 0, "\(submitted.standardError)")
            let receipt = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: receiptFile))))
            let id = try #require(receipt["filing_id"]?.stringValue)
            let code = try #require(receipt["access_code"]?.stringValue)
            #expect(submitted.standardOutput.contains("查询码：\(code)"))
            #expect(submitted.standardOutput.contains("身份核验：已核验"))
            let mode = try FileManager.default.attributesOfItem(atPath: receiptFile)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            let status = try await operatorCLI.filing(["status", "--receipt", receiptFile])
            #expect(status.exitCode == 0)
            #expect(status.standardOutput.contains("状态：已提交"))
            #expect(status.standardOutput.contains("611***********"), "personal numbers masked for the operator")

            let accepted = try await clerk.filing(["review", id, "accept"])
            #expect(accepted.exitCode == 0, "\(accepted.standardError)")
            #expect(accepted.standardOutput.contains("备案号：陕商洛网信备2021"))

            let changed = try await operatorCLI.filing(["change", "--receipt", receiptFile, "--date", "2021-05-20"]
                + Self.accountFlags.map { $0 == "商洛旅游" ? "商洛山水旅游" : $0 })
            #expect(changed.exitCode == 0, "\(changed.standardError)")
            #expect(changed.standardOutput.contains("状态：已变更"))
            #expect(changed.standardOutput.contains("按期"))

            let diff = try await operatorCLI.filing(["diff", "--filing-id", id, "--access-code", code, "--lang", "en"])
            #expect(diff.exitCode == 0)
            #expect(diff.standardOutput.contains("object.name: \"商洛旅游\" → \"商洛山水旅游\""))

            // Ids as people type them: lower case, full width, with spaces; staff and the operator alike.
            let fullWidth = String(String.UnicodeScalarView(id.unicodeScalars.map { scalar in
                scalar.isASCII && scalar != "-" ? Unicode.Scalar(scalar.value + 0xFEE0)! : scalar
            }))
            for typed in [id.lowercased(), fullWidth, " \(id)"] {
                let found = try await clerk.filing(["status", typed])
                #expect(found.exitCode == 0 && found.standardOutput.contains("备案编号：\(id)"), "\(typed): \(found.standardError)")
                let own = try await operatorCLI.filing(["status", "--filing-id", typed, "--access-code", code])
                #expect(own.exitCode == 0, "\(typed): \(own.standardError)")
            }

            let list = try await clerk.filing(["list", "--query", "山水", "--all", "--json"])
            #expect(list.exitCode == 0)
            let rows = try JSONParser.parse(Array(list.standardOutput.utf8))["filings"]?.arrayValue ?? []
            #expect(rows.map { $0["filing_id"]?.stringValue } == [id])

            let closed = try await operatorCLI.filing(["close", "--receipt", receiptFile, "--date", "2021-05-20",
                                                       "--reason", "停止运营", "--lang", "en"])
            #expect(closed.exitCode == 0, "\(closed.standardError)")
            #expect(closed.standardOutput.contains("Status: cancelled"))

            let history = try await clerk.filing(["status", id, "--json"])
            let actions = try JSONParser.parse(Array(history.standardOutput.utf8))["history"]?.arrayValue?
                .compactMap { $0["action"]?.stringValue }
            #expect(actions == ["submit", "verify", "accept", "report_change", "close"]
                    || actions == ["submit", "accept", "report_change", "close"], "\(actions ?? [])")
        }
    }

    @Test("errors: every field violation in the chosen language with exit 3; wrong access code 16; usage 2")
    func errors() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let cli = BeianCLI.anonymous(office)
            var flags = Self.accountFlags
            flags[flags.firstIndex(of: "13800138077")!] = "1380013807"
            flags[flags.firstIndex(of: "商洛旅游")!] = ""
            let zh = try await cli.filing(["submit"] + flags)
            #expect(zh.exitCode == 3)
            #expect(zh.standardError.contains("INVALID_ARGUMENT"))
            // Fields by their form names, with the path after them.
            #expect(zh.standardError.contains("  手机号码（operator.mobile）：手机号码“1380013807”格式不正确"), "\(zh.standardError)")
            #expect(zh.standardError.contains("  账号名称（object.name）：名称不能为空"), "\(zh.standardError)")
            let en = try await cli.filing(["submit", "--lang", "en"] + flags)
            #expect(en.standardError.contains("\n  object.name: Name is required"), "\(en.standardError)")
            #expect(!en.standardError.contains("账号名称") && !en.standardError.contains("（"), "\(en.standardError)")

            let wrong = try await cli.filing(["status", "--filing-id", "611000-AAAAAAAAAAAA", "--access-code", "X"])
            #expect(wrong.exitCode == 16)
            let usage = try await cli.filing(["review", "611000-AAAAAAAAAAAA"])
            #expect(usage.exitCode == 2)
            #expect(usage.standardError.contains("beian filing review"))
        }
    }

    @Test("a JSON form in Chinese labels (-d) is checked as one in codes: 个人, 新媒体账号, 微信公众号, 便民服务, 视频")
    func chineseLabelsInJSON() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let cli = BeianCLI.anonymous(office)
            func form(_ kind: String, _ objectKind: String, _ platform: String, _ scope: String, _ forms: String) -> String {
                """
                {"operator": {"kind": "\(kind)", "name": "刘洋", "id_number": "\(Forms.resident("611002", 77))",
                              "mobile": "13800138077"},
                 "object": {"kind": "\(objectKind)", "platform": "\(platform)", "name": "商洛旅游",
                            "account_id": "shangluo_travel", "followers": 3000, "registration_date": "2021-05-02",
                            "business_scope": [\(scope)], "forms": [\(forms)],
                            "administrators": [{"name": "刘洋", "mobile": "13800138077"}]}}
                """
            }
            let chinese = try await cli.filing(["check", "-d", form("个人", "新媒体账号", " 微信公众号", #""社会资讯", "便民服务""#,
                                                                  #""文字", "视频""#), "--json"])
            #expect(chinese.exitCode == 0, "\(chinese.standardError)")
            let codes = try await cli.filing(["check", "-d", form("individual", "account", "wechat_official_account",
                                                                #""social_information", "convenience_services""#,
                                                                #""text", "video""#), "--json"])
            #expect(codes.exitCode == 0, "\(codes.standardError)")
            #expect(chinese.standardOutput == codes.standardOutput)
            #expect(try JSONParser.parse(Array(chinese.standardOutput.utf8))["would_file"]?.boolValue == true,
                    "\(chinese.standardOutput)")
            let words = try await cli.filing(["check", "-d", form("个人", "新媒体账号", "微信公众号", #""便民服务""#, #""视频""#)])
            #expect(words.standardOutput.contains("能否受理：能"), "\(words.standardOutput)")
        }
    }

    @Test("a website by flags in the offices' words: --object-kind 网站 --hosting 托管 --site-type 商业类, shown in Chinese")
    func websiteInChinese() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let operatorCLI = BeianCLI.anonymous(office)
            let clerk = try BeianCLI.clerk(office, name: "审核科员")
            let form = ["--object-kind", "网站", "--account-name", "商洛美食网", "--domain", "www.slms.cn",
                        "--hosting", "托管", "--site-type", "商业类", "--operator-kind", "个人", "--name", "刘洋",
                        "--id-number", Forms.resident("611002", 77), "--mobile", "13800138077"]
            let check = try await operatorCLI.filing(["check"] + form)
            #expect(check.exitCode == 0, "\(check.standardError)")
            let inHouse = try await operatorCLI.filing(["check"] + form.map { $0 == "托管" ? "本单位内部管理" : $0 }
                .map { $0 == "商业类" ? "企业网站" : $0 })
            #expect(inHouse.exitCode == 0, "\(inHouse.standardError)")
            let bad = try await operatorCLI.filing(["check"] + form.map { $0 == "托管" ? "云上" : $0 })
            #expect(bad.exitCode == 3)
            #expect(bad.standardError.contains("本单位内部管理") && bad.standardError.contains("服务器托管"),
                    "\(bad.standardError)")

            let submitted = try await operatorCLI.filing(["submit"] + form + ["--json"])
            #expect(submitted.exitCode == 0, "\(submitted.standardError)")
            let id = try #require(try JSONParser.parse(Array(submitted.standardOutput.utf8))["filing_id"]?.stringValue)
            let shown = try await clerk.filing(["status", id])
            #expect(shown.standardOutput.contains("网站类型：商业类"), "\(shown.standardOutput)")
            #expect(shown.standardOutput.contains("托管方式：服务器托管"), "\(shown.standardOutput)")
            #expect(shown.standardOutput.contains("域名：www.slms.cn"), "\(shown.standardOutput)")
        }
    }
}
