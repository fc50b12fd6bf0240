import BeianJSON
import Foundation
import Testing
import TestSupport

/// `beian filing resubmit`: the operator's corrected form after staff returned the filing.
@Suite("beian filing resubmit")
struct FilingResubmitTests {
    @Test("submit → staff return → status says how to resubmit → operator resubmit → the next version, resubmitted; a second resubmit is refused readably")
    func returnAndResubmit() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let operatorCLI = BeianCLI.anonymous(office)
            let clerk = try BeianCLI.clerk(office, name: "审核科员")
            let receiptFile = office.root.file("receipt.json")
            let submitted = try await operatorCLI.filing(["submit"] + FilingCommandTests.accountFlags
                + ["--save-receipt", receiptFile])
            #expect(submitted.exitCode == 0, "\(submitted.standardError)")
            let id = try #require(try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: receiptFile))))[
                "filing_id"]?.stringValue)

            let returned = try await clerk.filing(["review", id, "return", "--field", "object.name=名称与实际不符", "--json"])
            #expect(returned.exitCode == 0, "\(returned.standardError)")
            // Intake numbers the return as a version too: the resubmission is the one after it.
            let returnedVersion = Int(try #require(try JSONParser.parse(Array(returned.standardOutput.utf8))["version"]?.int64Value))
            let status = try await operatorCLI.filing(["status", "--receipt", receiptFile])
            #expect(status.standardOutput.contains("状态：退回补正"))
            #expect(status.standardOutput.contains("beian filing resubmit --receipt"), "\(status.standardOutput)")

            let corrected = FilingCommandTests.accountFlags.map { $0 == "商洛旅游" ? "商洛山水旅游" : $0 }
            let resubmitted = try await operatorCLI.filing(["resubmit", "--receipt", receiptFile] + corrected)
            #expect(resubmitted.exitCode == 0, "\(resubmitted.standardError)")
            #expect(resubmitted.standardOutput.contains("状态：已提交  版本：\(returnedVersion + 1)"),
                    "\(resubmitted.standardOutput)")

            let view = try JSONParser.parse(Array(try await clerk.filing(["status", id, "--json"]).standardOutput.utf8))
            let actions = view["history"]?.arrayValue?.compactMap { $0["action"]?.stringValue } ?? []
            #expect(actions.contains("resubmit"), "\(actions)")
            let readable = try await clerk.filing(["status", id])
            #expect(readable.standardOutput.contains("状态：已提交"))
            #expect(readable.standardOutput.contains("补正后重新提交 第\(returnedVersion + 1)版"), "\(readable.standardOutput)")
            #expect(readable.standardOutput.contains("商洛山水旅游"))

            let again = try await operatorCLI.filing(["resubmit", "--receipt", receiptFile] + corrected)
            #expect(again.exitCode == 9)
            #expect(again.standardError.contains("状态不允许 FAILED_PRECONDITION"), "\(again.standardError)")
            #expect(again.standardError.contains("当前状态：已提交"), "\(again.standardError)")
            #expect(!again.standardError.contains("{\""), "no raw JSON: \(again.standardError)")

            let help = try await operatorCLI.filing(["help", "resubmit"])
            #expect(help.standardOutput.hasPrefix("beian filing resubmit"))
        }
    }
}
