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
        }
    }
}
