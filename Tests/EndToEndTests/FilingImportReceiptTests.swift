import BeianJSON
import Foundation
import Testing
import TestSupport

/// `beian filing import` run again: "already filed" only for filings that existed before the
/// run, and a receipts file that never loses an access code.
@Suite("beian filing import, run again")
struct FilingImportReceiptTests {
    /// Three good rows of the Kaiping spreadsheet (spreadsheet rows 2, 3, 4).
    static func goodRows() -> String {
        let lines = FilingImportTests.spreadsheet().split(separator: "\r\n", omittingEmptySubsequences: true)
        return [lines[0], lines[1], lines[2], lines[9]].joined(separator: "\r\n") + "\r\n"
    }

    /// The filing ids and access codes of a receipts file, as "id code" pairs.
    static func receipts(_ path: String) throws -> Set<String> {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let pairs = text.matches(of: /(440783-[0-9A-Z]{12}),([0-9A-Z-]+),/).map { "\($0.1) \($0.2)" }
        return Set(pairs)
    }

    @Test("another staff member's run files nothing again (the accounts are on file); the receipts file keeps the first run's codes")
    func anotherCertificate() async throws {
        try await withIntakeOffice("440783", today: "2024-01-25") { office in
            let file = office.root.file("rows.csv")
            try Self.goodRows().write(toFile: file, atomically: true, encoding: .utf8)
            let receiptsPath = office.root.file("rows.receipts.csv")

            let clerk = try await BeianCLI.clerk(office).filing(["import", file])
            #expect(clerk.exitCode == 0, "\(clerk.standardOutput)\(clerk.standardError)")
            #expect(clerk.standardOutput.contains("新备案3，此前已提交0"))
            let first = try Self.receipts(receiptsPath)
            #expect(first.count == 3)

            // Another staff member's run: the accounts are on file already, so each row is refused as
            // filed (an office files an account once at a time), and nothing of the first run is lost.
            let head = try await BeianCLI.head(office).filing(["import", file])
            #expect(head.exitCode == 1, "\(head.standardOutput)\(head.standardError)")
            #expect(head.rowBlock(2).contains("已在本办备案"), "\(head.rowBlock(2))")
            #expect(try await office.staffClient().allFilings().count == 3)
            let both = try Self.receipts(receiptsPath)
            #expect(both == first, "every access code of the first run is kept")
        }
    }

    @Test("without the receipts file, a re-run with the same certificate reports the earlier filings, not new ones")
    func receiptsFileDeleted() async throws {
        try await withIntakeOffice("440783", today: "2024-01-25") { office in
            let file = office.root.file("rows.csv")
            try Self.goodRows().write(toFile: file, atomically: true, encoding: .utf8)
            let receiptsPath = office.root.file("rows.receipts.csv")
            let cli = try BeianCLI.clerk(office)

            let first = try await cli.filing(["import", file])
            #expect(first.exitCode == 0, "\(first.standardOutput)\(first.standardError)")
            let codes = try Self.receipts(receiptsPath)
            try FileManager.default.removeItem(atPath: receiptsPath)

            let again = try await cli.filing(["import", file, "--lang", "en"])
            #expect(again.exitCode == 0, "\(again.standardOutput)\(again.standardError)")
            #expect(again.standardOutput.contains("0 filed, 3 already filed"), "\(again.standardOutput)")
            #expect(try await office.staffClient().allFilings().count == 3)
            #expect(try Self.receipts(receiptsPath) == codes, "the receipts file is written again from the replies")

            try "not,a receipts file\r\n".write(toFile: receiptsPath, atomically: true, encoding: .utf8)
            let broken = try await cli.filing(["import", file])
            #expect(broken.exitCode == 2)
            #expect(broken.standardError.contains("rows.receipts.csv"))
            #expect(try String(contentsOfFile: receiptsPath, encoding: .utf8) == "not,a receipts file\r\n")
        }
    }
}
