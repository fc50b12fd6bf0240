import BeianJSON
import Foundation
import IntakeService
import Testing
import TestSupport

/// `beian filing transfer` and `transfer-status` between two offices' intake processes.
@Suite("beian filing transfer between offices")
struct FilingTransferCommandTests {
    @Test("a head transfers a filing to another office; the operator sees the new id and code and follows it there")
    func transfer() async throws {
        try await withIntakeOffice("130500", today: "2024-01-25") { xingtai in
            let peers = "130500=\(xingtai.intakeAddress)"
            try await withIntakeOffice("440783", today: "2024-01-25", extra: ["BEIAN_PEER_INTAKES": peers]) { kaiping in
                let receipt = try await kaiping.operatorClient().submit(
                    Forms.individual("开平人在邢台", region: "130503", sequence: 71, followers: 6000))
                let receiptFile = kaiping.root.file("receipt.json")
                try SampleMaterials.write(try JSONCoding.encode(receipt), to: receiptFile)
                let head = try BeianCLI.staff(kaiping, role: "head", name: "开平主任")
                let clerk = try BeianCLI.clerk(kaiping, name: "开平科员")
                let operatorCLI = BeianCLI.anonymous(kaiping)

                let notYet = try await operatorCLI.filing(["transfer-status", "--receipt", receiptFile])
                #expect(notYet.exitCode == 5, "NOT_FOUND before any transfer")
                let byClerk = try await clerk.filing(["transfer", receipt.filingId, "--to", "130500",
                                                      "--reason", "账号注册者户籍在邢台"])
                #expect(byClerk.exitCode == 7, "only the head transfers")
                let unknown = try await head.filing(["transfer", receipt.filingId, "--to", "611000", "--reason", "x"])
                #expect(unknown.exitCode == 3)
                #expect(unknown.standardError.contains("未配置网信办611000的受理系统"), "\(unknown.standardError)")
                let malformed = try await head.filing(["transfer", receipt.filingId, "--to", "44078", "--reason", "x"])
                #expect(malformed.exitCode == 3)
                #expect(malformed.standardError.contains("移交网信办（target_office）：移交网信办应为6位行政区划代码"),
                        "\(malformed.standardError)")

                let moved = try await head.filing(["transfer", receipt.filingId, "--to", "130500",
                                                   "--reason", "账号注册者户籍在邢台"])
                #expect(moved.exitCode == 0, "\(moved.standardError)")
                let newID = try #require(moved.lines.first { $0.hasPrefix("新的备案编号：") }?
                    .dropFirst("新的备案编号：".count))
                #expect(newID.hasPrefix("130500-"))
                #expect(moved.standardOutput.contains("本办状态：已注销"))
                #expect(moved.standardOutput.contains("已移交：网信办 130500"))
                let code = try #require(moved.lines.first { $0.contains("新的查询码：") }?
                    .components(separatedBy: "新的查询码：").last)

                let newReceipt = kaiping.root.file("new-receipt.json")
                let told = try await operatorCLI.filing(["transfer-status", "--receipt", receiptFile, "--lang", "en",
                                                         "--save-receipt", newReceipt])
                #expect(told.exitCode == 0, "\(told.standardError)")
                #expect(told.standardOutput.contains("Transferred to: office 130500"))
                #expect(told.standardOutput.contains("New filing id: \(newID)"))
                #expect(told.standardOutput.contains("New access code: \(code)"))
                let mode = try FileManager.default.attributesOfItem(atPath: newReceipt)[.posixPermissions] as? Int
                #expect(mode == 0o600)

                // At Xingtai, with the saved receipt: the filing is there, submitted.
                let there = try await BeianCLI.anonymous(xingtai).filing(["status", "--receipt", newReceipt])
                #expect(there.exitCode == 0, "\(there.standardError)")
                #expect(there.standardOutput.contains("备案编号：\(newID)"))
                #expect(there.standardOutput.contains("状态：已提交"))
                // Both histories in Chinese: where it came from and went, the other office's scope, no intake keys.
                #expect(there.standardOutput.contains("系统（网信办440783移交）"), "\(there.standardOutput)")
                #expect(there.standardOutput.contains("来源网信办=440783"), "\(there.standardOutput)")
                let sent = try await head.filing(["status", receipt.filingId])
                #expect(sent.standardOutput.contains("转往=130500"), "\(sent.standardOutput)")
                #expect(sent.standardOutput.contains("对方备案范围=属于对方网信办备案范围"), "\(sent.standardOutput)")
                for history in [there.standardOutput, sent.standardOutput] {
                    #expect(!history.contains(try Regex("[a-z]+_[a-z_]+=")), "an intake key in \(history)")
                }
                let again = try await head.filing(["transfer-status", receipt.filingId, "--json"])
                #expect(try JSONParser.parse(Array(again.standardOutput.utf8))["target_filing_id"]?.stringValue
                        == String(newID))
            }
        }
    }

    @Test("a transfer the receiving office finds out of its scope is refused; --override-scope sends it anyway and says so")
    func overrideScope() async throws {
        try await withIntakeOffice("440783", today: "2024-01-10") { kaiping in
            let peers = "440783=\(kaiping.intakeAddress)"
            try await withIntakeOffice("130500", today: "2024-01-10", extra: ["BEIAN_PEER_INTAKES": peers]) { xingtai in
                // Kaiping files Douyin accounts only from 5,000 followers.
                let receipt = try await xingtai.operatorClient().submit(
                    Forms.individual("邢台小吃日记", region: "440783", sequence: 72, followers: 1200))
                let head = try BeianCLI.staff(xingtai, role: "head", name: "邢台主任")
                let refused = try await head.filing(["transfer", receipt.filingId, "--to", "440783",
                                                     "--reason", "账号注册者户籍在开平"])
                #expect(refused.exitCode == 9, "\(refused.standardError)")
                #expect(refused.standardError.contains("不属于网信办440783的备案范围"), "\(refused.standardError)")
                #expect(refused.standardError.contains("--override-scope"), "\(refused.standardError)")
                #expect(!refused.standardError.contains("本办"), "the other office's decision names it: \(refused.standardError)")
                let moved = try await head.filing(["transfer", receipt.filingId, "--to", "440783",
                                                   "--reason", "账号注册者户籍在开平", "--override-scope"])
                #expect(moved.exitCode == 0, "\(moved.standardError)")
                #expect(moved.standardOutput.contains("对方备案范围："), "\(moved.standardOutput)")
                #expect(moved.standardOutput.contains("经负责人确认仍移交"), "\(moved.standardOutput)")
            }
        }
    }
}
