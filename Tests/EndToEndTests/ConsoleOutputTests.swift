import BeianJSON
import Foundation
import Testing
import TestSupport

/// How `beian` behaves as a Unix tool: output into pipes, help, usage errors.
@Suite("beian output and usage")
struct ConsoleOutputTests {
    @Test("output into a pipe whose reader has gone: a quiet end as by SIGPIPE (141), no crash, no message")
    func closedPipe() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let submitted = try await BeianCLI.anonymous(office).filing(["submit", "--json"]
                + FilingCommandTests.accountFlags)
            let id = try #require(try JSONParser.parse(Array(submitted.standardOutput.utf8))["filing_id"]?.stringValue)
            let clerk = try BeianCLI.clerk(office)
            for arguments in [["status", id], ["list", "--all"], ["export", "--out", "-"]] {
                let piped = try await clerk.filing(arguments, pipedInto: "true")
                #expect(piped.exitCode == 141, "\(arguments): \(piped.exitCode) \(piped.standardError)")
                #expect(piped.standardError.isEmpty, "\(arguments): \(piped.standardError)")
            }
            let read = try await clerk.filing(["list", "--all"], pipedInto: "cat")
            #expect(read.exitCode == 0, "a reader that reads everything: \(read.standardError)")

            // The access code is shown only once: the receipt file is written even when nobody reads the output.
            let receiptFile = office.root.file("piped-receipt.json")
            let piped = try await BeianCLI.anonymous(office).filing(
                ["submit", "--save-receipt", receiptFile] + FilingCommandTests.accountFlags.map {
                    $0 == "shangluo_travel" ? "shangluo_travel_2" : $0   // another account: the first is on file
                }, pipedInto: "true")
            #expect(piped.exitCode == 141, "\(piped.standardError)")
            let saved = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: receiptFile))))
            #expect(saved["access_code"]?.stringValue?.isEmpty == false)

            // An operator cannot unmask numbers: --reveal is refused, not silently ignored.
            let reveal = try await BeianCLI.anonymous(office).filing(["status", "--receipt", receiptFile, "--reveal"])
            #expect(reveal.exitCode == 2)
            #expect(reveal.standardError.contains("--reveal 仅供工作人员（用 --cert/--key）使用"), "\(reveal.standardError)")
        }
    }

    @Test("a page of a longer list says more follow instead of a total; full-width numbers; an argument after the filing id is refused")
    func pagesAndExtraArguments() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let operatorCLI = BeianCLI.anonymous(office)
            let first = try await operatorCLI.filing(["submit", "--json"] + FilingCommandTests.accountFlags)
            let id = try #require(try JSONParser.parse(Array(first.standardOutput.utf8))["filing_id"]?.stringValue)
            let second = try await operatorCLI.filing(["submit"] + FilingCommandTests.accountFlags.map {
                $0 == "shangluo_travel" ? "shangluo_travel_2" : $0
            })
            #expect(second.exitCode == 0, "\(second.standardError)")
            let clerk = try BeianCLI.clerk(office)
            let page = try await clerk.filing(["list", "--page-size", "1"])
            #expect(page.exitCode == 0)
            #expect(page.standardError.contains("本页1条，还有下一页"), "\(page.standardError)")
            #expect(page.standardError.contains("下一页：--cursor "), "\(page.standardError)")
            #expect(!page.standardError.contains("共1条"), "\(page.standardError)")
            let fullWidth = try await clerk.filing(["list", "--page-size", "　１"])
            #expect(fullWidth.exitCode == 0, "a number typed with a Chinese input method: \(fullWidth.standardError)")
            #expect(fullWidth.standardError.contains("本页1条，还有下一页"), "\(fullWidth.standardError)")
            let whole = try await clerk.filing(["list"])
            #expect(whole.standardError.contains("共2条"), "\(whole.standardError)")

            let diff = try await clerk.filing(["diff", id, "1", "2"])
            #expect(diff.exitCode == 2)
            #expect(diff.standardError.contains("多余的参数：“1”"), "\(diff.standardError)")
        }
    }

    @Test("usage: an empty --from/--to period, help for one subcommand, an unreadable receipt — each exit 2 with the reason")
    func usage() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let clerk = try BeianCLI.clerk(office)
            let period = try await clerk.filing(["list", "--from", "2026-12-10", "--to", "2026-12-01"])
            #expect(period.exitCode == 2)
            #expect(period.standardError.contains("--from 2026-12-10") && period.standardError.contains("--to 2026-12-01"))

            let help = try await clerk.filing(["help", "status"])
            #expect(help.exitCode == 0 && help.standardOutput.hasPrefix("beian filing status"), "\(help.standardOutput)")
            let unknown = try await clerk.filing(["help", "nosuch"])
            #expect(unknown.exitCode == 2 && unknown.standardError.contains("nosuch"))
            let top = try await ProcessRunner.run(try ServiceProcess.executable("beian"), arguments: ["help", "filing", "status"])
            #expect(top.exitCode == 0 && top.standardOutput.hasPrefix("beian filing status"), "\(top.standardOutput)")

            let receipt = try await BeianCLI.anonymous(office).filing(["status", "--receipt", office.root.file("gj1.json")])
            #expect(receipt.exitCode == 2)
            #expect(receipt.standardError.contains("gj1.json: No such file or directory"), "\(receipt.standardError)")
        }
    }

    @Test("a file's content or the file system at fault: the reason in Chinese then English, without the usage")
    func fileErrors() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let clerk = try BeianCLI.clerk(office)
            let empty = office.root.file("empty.csv")
            try SampleMaterials.write([], to: empty)
            let imported = try await clerk.filing(["import", empty])
            #expect(imported.exitCode == 2)
            #expect(imported.standardError.contains("empty.csv是空文件"), "\(imported.standardError)")
            #expect(!imported.standardError.contains("usage:"), "\(imported.standardError)")
            #expect(imported.standardError.split(separator: "\n").count == 1, "\(imported.standardError)")
            let english = try await clerk.filing(["import", empty, "--lang", "en"])
            #expect(english.standardError.contains("is empty: it needs a header row"), "\(english.standardError)")
            #expect(!english.standardError.contains("空文件"), "\(english.standardError)")

            let pdf = office.root.file("form.pdf")
            try SampleMaterials.write(Array("%PDF-1.4\n%âãÏÓ\n1 0 obj\n".utf8), to: pdf)
            let notCSV = try await clerk.filing(["import", pdf])
            #expect(notCSV.exitCode == 2)
            #expect(notCSV.standardError.contains("表头没有账号名称列"), "\(notCSV.standardError)")
            #expect(!notCSV.standardError.contains("usage:"), "\(notCSV.standardError)")

            let unwritable = try await clerk.filing(["export", "--out", "/nonexistent/x.csv"])
            #expect(unwritable.exitCode == 1)
            #expect(unwritable.standardError.contains("无法写入/nonexistent/x.csv：文件或目录不存在"),
                    "\(unwritable.standardError)")
            #expect(!unwritable.standardError.contains("usage:"), "\(unwritable.standardError)")

            let period = try await clerk.filing(["list", "--from", "2026-12-08", "--to", "2026-12-01"])
            #expect(period.exitCode == 2)
            #expect(period.standardError.contains("晚于"), "\(period.standardError)")
        }
    }
}
