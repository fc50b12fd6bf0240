import BeianJSON
import Foundation
import Testing
import TestSupport

/// History, versions and corrections in Chinese output name fields and values as the forms do
/// (变更日期, 账号名称, 按期), not by intake's keys (`change_date=`, `object.name`, `on_time`).
@Suite("beian filing history wording")
struct FilingHistoryWordingTests {
    @Test("a change and a closure: history and diff in Chinese without intake's keys, English keeps them")
    func changeAndClosure() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let operatorCLI = BeianCLI.anonymous(office)
            let clerk = try BeianCLI.clerk(office)
            let receipt = office.root.file("receipt.json")
            let submitted = try await operatorCLI.filing(["submit", "--save-receipt", receipt]
                + FilingCommandTests.accountFlags)
            #expect(submitted.exitCode == 0, "\(submitted.standardError)")
            let saved = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: receipt))))
            let id = try #require(saved["filing_id"]?.stringValue)
            #expect(try await clerk.filing(["review", id, "accept"]).exitCode == 0)
            let changed = try await operatorCLI.filing(["change", "--receipt", receipt, "--date", "2021-05-20"]
                + FilingCommandTests.accountFlags.map { $0 == "商洛旅游" ? "商洛山水旅游" : $0 })
            #expect(changed.exitCode == 0, "\(changed.standardError)")

            let diff = try await operatorCLI.filing(["diff", "--receipt", receipt])
            #expect(diff.exitCode == 0, "\(diff.standardError)")
            #expect(diff.standardOutput.contains("账号名称：\"商洛旅游\" → \"商洛山水旅游\""), "\(diff.standardOutput)")
            #expect(diff.standardOutput.contains("（报告变更）"), "\(diff.standardOutput)")
            for code in ["object.name", "report_change"] {
                #expect(!diff.standardOutput.contains(code), "\(code) in \(diff.standardOutput)")
            }

            let closed = try await operatorCLI.filing(["close", "--receipt", receipt, "--date", "2021-05-20",
                                                       "--reason", "停止运营"])
            #expect(closed.exitCode == 0, "\(closed.standardError)")
            let status = try await clerk.filing(["status", id])
            let history = status.standardOutput
            for expected in ["变更日期=2021-05-20", "变更事项=账号名称", "注销日期=2021-05-20", "时限=按期"] {
                #expect(history.contains(expected), "\(expected) missing: \(history)")
            }
            let rawKey = try Regex("[a-z]+_[a-z_]+=")
            #expect(!history.contains(rawKey), "an intake key in \(history)")
            for code in ["object.name", "on_time", "=change", "=closure"] {
                #expect(!history.contains(code), "\(code) in \(history)")
            }

            let english = try await clerk.filing(["status", id, "--lang", "en"])
            #expect(english.standardOutput.contains("change_date=2021-05-20"), "\(english.standardOutput)")
            #expect(english.standardOutput.contains("changed_fields=object.name"), "\(english.standardOutput)")
        }
    }

    @Test("a return for correction names the fields to correct in Chinese")
    func returnedFields() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let submitted = try await BeianCLI.anonymous(office).filing(["submit", "--json"]
                + FilingCommandTests.accountFlags)
            let id = try #require(try JSONParser.parse(Array(submitted.standardOutput.utf8))["filing_id"]?.stringValue)
            let clerk = try BeianCLI.clerk(office)
            let returned = try await clerk.filing(["review", id, "return", "--field", "object.name=名称与实际不符",
                                                   "--field", "operator.id_number=与证件不符"])
            #expect(returned.exitCode == 0, "\(returned.standardError)")
            #expect(returned.standardOutput.contains("审核意见：账号名称：名称与实际不符；身份证号：与证件不符"),
                    "\(returned.standardOutput)")
            #expect(returned.standardOutput.contains("  账号名称：名称与实际不符"), "\(returned.standardOutput)")
            #expect(!returned.standardOutput.contains("object.name"), "\(returned.standardOutput)")
            let status = try await clerk.filing(["status", id])
            #expect(status.standardOutput.contains("需补正=账号名称、身份证号"), "\(status.standardOutput)")
        }
    }
}
