import BeianJSON
import BeianModel
import Foundation
import IntakeService
import Testing
import TestSupport

/// `beian filing export`, `stats` and `watch` as processes, on one office's filings.
@Suite("beian filing reports: export, stats, watch")
struct FilingReportCommandTests {
    @Test("export: BOM, header, masked numbers; stats: totals and HTML; watch: due soon, then overdue")
    func reports() async throws {
        try await withIntakeOffice("440783", today: "2024-01-25") { office in
            let client = try office.operatorClient()
            let forms = [
                Forms.individual("开平碉楼日记", region: "440783", sequence: 61, followers: 8000, registered: "2024-01-20"),
                Forms.individual("赤坎古镇生活", region: "440783", sequence: 62, followers: 12000, registered: "2024-01-22"),
                Forms.government("开平发布", unit: "开平市人民政府办公室", region: "440783", registered: "2024-01-21",
                                 sequence: 63),
            ]
            var receipts: [SubmissionReceipt] = []
            for form in forms { receipts.append(try await client.submit(form)) }
            let idNumbers = [Forms.resident("440783", 61), Forms.resident("440783", 62), Forms.resident("440783", 63)]
            let clerk = try BeianCLI.clerk(office, name: "统计科员")
            let head = try BeianCLI.staff(office, role: "head", name: "开平主任")
            let accepted = try await clerk.filing(["review", receipts[0].filingId, "accept"])
            #expect(accepted.exitCode == 0, "\(accepted.standardError)")
            let returned = try await clerk.filing(["review", receipts[1].filingId, "return", "--reason", "请补充账号截图"])
            #expect(returned.exitCode == 0, "\(returned.standardError)")

            // Export: exactly the CSV intake streams, to a private file and to standard output.
            let csvPath = office.root.file("台账.csv")
            let export = try await clerk.filing(["export", "--out", csvPath])
            #expect(export.exitCode == 0, "\(export.standardError)")
            #expect(export.standardOutput.contains("已导出3条备案到\(csvPath)"))
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: csvPath)))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "byte-order mark first")
            let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 4)
            #expect(lines.first?.hasPrefix("备案受理编号 Filing ID,备案号 Filing number,") == true)
            for number in idNumbers {
                #expect(!csv.contains(number), "no full ID number in the export")
                #expect(csv.contains(number.prefix(3) + "*"), "the masked form is there")
            }
            #expect(lines.contains { $0.contains(receipts[0].filingId) && $0.contains("开平碉楼日记") })
            let mode = try FileManager.default.attributesOfItem(atPath: csvPath)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let piped = try await clerk.filing(["export", "--out", "-", "--status", "accepted", "--lang", "en"])
            #expect(piped.exitCode == 0)
            #expect(piped.standardOutput.hasPrefix("\u{FEFF}备案受理编号"))
            #expect(piped.standardError.contains("exported 1 filing(s) to standard output"))

            // Statistics: the head sees totals; the HTML report names the office; a clerk may not.
            let htmlPath = office.root.file("统计.html")
            let stats = try await head.filing(["stats", "--html", htmlPath])
            #expect(stats.exitCode == 0, "\(stats.standardError)")
            #expect(stats.standardOutput.contains("开平市互联网信息办公室（440783）备案统计"))
            #expect(stats.lines.contains { $0.hasPrefix("  备案总数") && $0.hasSuffix(" 3") }, "\(stats.standardOutput)")
            #expect(stats.lines.contains { $0.contains("退回补正尚未重新提交") && $0.hasSuffix(" 1") })
            let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("开平市互联网信息办公室"))
            let json = try await head.filing(["stats", "--json", "--lang", "en"])
            let data = try JSONParser.parse(Array(json.standardOutput.utf8))
            #expect(data["statistics"]?["total"]?.int64Value == 3)
            #expect(data["html"]?.stringValue == nil, "--json carries the numbers, not the document")
            #expect(try await clerk.filing(["stats"]).exitCode == 7, "clerks do not get the report")

            // Watch: the returned filing is open; due within the year now, overdue after its due date.
            let soon = try await clerk.filing(["watch", "--within-days", "366"])
            #expect(soon.exitCode == 0, "\(soon.standardError)")
            #expect(soon.lines.contains { $0.hasPrefix("即将到期") && $0.contains(receipts[1].filingId) },
                    "\(soon.standardOutput)")
            let status = try await clerk.filing(["status", receipts[1].filingId, "--json"])
            let due = try #require(JSONParser.parse(Array(status.standardOutput.utf8))["deadline"]?["due_date"]?
                .stringValue)
            let later = try CivilDate(iso: due).adding(days: 5)
            try await office.restartIntake(today: later.iso)
            let overdue = try await clerk.filing(["watch", "--lang", "en"])
            #expect(overdue.exitCode == 0, "\(overdue.standardError)")
            #expect(overdue.standardOutput.contains("Deadlines on \(later.iso) (440783): 1 overdue"))
            #expect(overdue.lines.contains { $0.hasPrefix("overdue") && $0.contains(receipts[1].filingId)
                && $0.contains("5 late") && $0.contains(due) }, "\(overdue.standardOutput)")
        }
    }
}

extension BeianCLI {
    /// A staff member of the office in `role` (clerk, head, auditor).
    static func staff(_ office: IntakeOffice, role: String, name: String) throws -> BeianCLI {
        BeianCLI(office: office, certificate: try TestCertificates.shared.clientCertificate(
            commonName: name, organization: office.office, organizationalUnit: role))
    }
}
