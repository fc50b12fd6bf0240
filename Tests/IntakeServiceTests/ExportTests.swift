import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

@Suite("CSV export of filings")
struct ExportTests {
    @Test("BOM first, CRLF records, one header row, quoting, and personal numbers always masked")
    func csvShape() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-05-20") { intake in
            let client = try intake.operatorClient()
            let person = Submissions.individualAccount(name: "商洛\"老街\",夜市", region: "611021", sequence: 11,
                                                       mobile: "13912345678")
            let unit = Submissions.unitAccount(name: "商洛发布", region: "611000", sequence: 12)
            let first = try await client.submit(person)
            let second = try await client.submit(unit)
            _ = try await intake.staffClient().review(second.filingId, "accept")

            let chunks = try await intake.staffClient("auditor", name: "审计员").stream(
                "ExportFilings", ExportFilingsRequest(), as: ExportChunk.self)
            let text = chunks.map(\.chunk).joined()
            #expect(text.hasPrefix("\u{FEFF}备案受理编号 Filing ID,"))
            #expect(chunks.first?.chunk.hasPrefix("\u{FEFF}") == true)
            #expect(text.hasSuffix("\r\n"))
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends with CRLF")
            let records = CSVReader.records(String(text.dropFirst()))
            #expect(records.count == 3)
            #expect(records[0] == FilingExport.headers)
            #expect(records.allSatisfy { $0.count == FilingExport.headers.count })
            let byID = Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0[0], $0) })
            let row = try #require(byID[first.filingId])
            #expect(row[5] == "商洛\"老街\",夜市", "quoted and unquoted back")
            #expect(row[2] == "已提交")
            #expect(row[4] == "抖音号")
            #expect(row[7] == "个人")
            #expect(row[12] == "139****5678")
            #expect(row[14] == "", "no follower count given")
            let accepted = try #require(byID[second.filingId])
            #expect(accepted[1].isEmpty == false, "the filing number")
            #expect(accepted[9] == "机关")
            #expect(accepted[10] == "政务")
            for secret in [try #require(person.operator?.idNumber), "13912345678",
                           try #require(unit.operator?.responsiblePerson?.idNumber), "13700137000"] {
                #expect(!text.contains(secret), "\(secret.prefix(3))… appears unmasked")
            }
            #expect(text.contains(Masking.idNumber(try #require(person.operator?.idNumber))))
            let audit = try await intake.auditEntries().filter { $0.action == "filing.export" }
            #expect(audit.count == 1)
        }
    }

    @Test("the list filters apply; local-office staff export only their own; operators may not export")
    func filters() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-05-20") { intake in
            let ids = try await intake.insert([
                Submissions.individualAccount(name: "商洛甲", platform: "douyin", region: "611021", sequence: 1),
                Submissions.individualAccount(name: "商洛乙", platform: "kuaishou", region: "611021", sequence: 2),
                Submissions.individualAccount(name: "商洛丙", platform: "douyin", region: "611022", sequence: 3),
            ])
            let clerk = try intake.staffClient()
            func exported(_ client: RPCClient, _ request: ExportFilingsRequest) async throws -> Set<String> {
                let text = try await client.stream("ExportFilings", request, as: ExportChunk.self).map(\.chunk).joined()
                return Set(CSVReader.records(String(text.dropFirst())).dropFirst().map { $0[0] })
            }
            #expect(try await exported(clerk, ExportFilingsRequest()) == Set(ids))
            #expect(try await exported(clerk, ExportFilingsRequest(FilingFilters(platform: "douyin"))) == [ids[0], ids[2]])
            #expect(try await exported(clerk, ExportFilingsRequest(FilingFilters(query: "商洛乙"))) == [ids[1]])
            let local = try await clerk.list(ListFilingsRequest(FilingFilters(platform: "douyin")))
            let routed = try #require(local.filings.first { $0.filingId == ids[0] }?.localOfficeCode)
            let localClerk = try intake.staffClient(name: "县科员", organization: routed)
            let theirs = try await exported(localClerk, ExportFilingsRequest())
            #expect(theirs.contains(ids[0]) && !theirs.contains(ids[2]))
            let bad = try #require(await capturedRPCError {
                try await exported(clerk, ExportFilingsRequest(FilingFilters(status: "bogus")))
            })
            #expect(bad.code == .invalidArgument)
            let anonymous = try #require(await capturedRPCError {
                try await exported(try intake.operatorClient(), ExportFilingsRequest())
            })
            #expect(anonymous.code == .unauthenticated)
        }
    }

    @Test("2,000 filings stream in several chunks, each filing once")
    func manyRows() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-05-20") { intake in
            let submissions = (0..<2000).map { index in
                Submissions.individualAccount(name: "商洛账号\(index)", region: "611021", sequence: index % 900 + 1)
            }
            let ids = try await intake.insert(submissions)
            let chunks = try await intake.staffClient("head", name: "主任").stream(
                "ExportFilings", ExportFilingsRequest(), as: ExportChunk.self)
            #expect(chunks.count >= 10, "one header chunk and one per page of 200")
            let records = CSVReader.records(String(chunks.map(\.chunk).joined().dropFirst()))
            #expect(records.count == 2001)
            let exported = records.dropFirst().map { $0[0] }
            #expect(Set(exported) == Set(ids))
            #expect(exported.count == Set(exported).count)
        }
    }
}
