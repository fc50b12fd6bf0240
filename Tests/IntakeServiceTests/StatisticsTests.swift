import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

@Suite("Survey statistics and the printable report")
struct StatisticsTests {
    @Test("the numbers match a known set of filings; the HTML report escapes what operators typed")
    func knownSet() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-05-20") { intake in
            let client = try intake.operatorClient()
            let clerk = try intake.staffClient()
            let accepted = try await client.submit(Submissions.individualAccount(
                name: "商洛山歌", platform: "douyin", region: "611021", sequence: 1))
            _ = try await clerk.review(accepted.filingId, "accept")
            let closed = try await client.submit(Submissions.unitAccount(name: "商洛发布", region: "611000", sequence: 2))
            _ = try await clerk.review(closed.filingId, "accept")
            let _: FilingOutcome = try await client.asOperator(closed, "CloseFiling", CloseFilingRequest(
                filingId: closed.filingId, closureDate: "2021-05-19"))
            let returned = try await client.submit(Submissions.individualAccount(
                name: "<script>alert(1)</script>商洛", platform: "kuaishou", region: "611022", sequence: 3))
            _ = try await clerk.review(returned.filingId, "return_for_correction", reason: "名称不规范 <b>")
            _ = try await client.submit(Submissions.individualAccount(
                name: "商洛夜话", platform: "douyin", region: "611021", sequence: 4))

            let head = try intake.staffClient("head", name: "主任")
            let report: StatisticsResponse = try await head.call("Statistics", StatisticsRequest())
            let stats = report.statistics
            func count(_ lines: [LabeledCount], _ key: String) -> Int? { lines.first { $0.key == key }?.count }
            #expect(stats.total == 4)
            #expect(count(stats.byObjectKind, "account") == 4)
            #expect(count(stats.byObjectKind, "website") == 0)
            #expect(count(stats.byPlatform, "douyin") == 2)
            #expect(count(stats.byPlatform, "kuaishou") == 1)
            #expect(count(stats.byPlatform, "wechat_official_account") == 1)
            #expect(count(stats.byOperator, "organ") == 1)
            #expect(count(stats.byOperator, "individual") == 3)
            #expect(count(stats.byGovernment, "government") == 1)
            #expect(count(stats.byGovernment, "non_government") == 3)
            #expect(count(stats.byBusinessScope, "social_information") == 3)
            #expect(count(stats.byStatus, "accepted") == 1)
            #expect(count(stats.byStatus, "cancelled") == 1)
            #expect(count(stats.byStatus, "returned_for_correction") == 1)
            #expect(count(stats.byStatus, "submitted") == 1)
            #expect(stats.byLocalOffice.map(\.count).reduce(0, +) == 4)
            #expect(stats.closed == 1)
            #expect(stats.returnedNotResubmitted == 1)
            #expect(stats.acceptedMissingMaterials == 1, "the accepted account lacks the filing form")
            #expect(stats.problems.map(\.filingId).sorted() == [accepted.filingId, returned.filingId].sorted())
            #expect(report.generatedOn.iso == "2021-05-20")

            let html = try #require(report.html)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("<meta charset=\"utf-8\">"))
            #expect(html.contains("@page"))
            #expect(html.contains(report.officeName))
            #expect(html.contains("2021-05-20"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;商洛"))
            #expect(!html.contains("<script"))
            #expect(html.contains("林**"), "individuals' names are masked in the printed list")

            // Filters: one local office; and the data alone.
            let routed = try #require(try await clerk.get(accepted.filingId).filing.localOfficeCode)
            let local: StatisticsResponse = try await head.call("Statistics", StatisticsRequest(localOffice: routed,
                                                                                               html: false))
            #expect(local.statistics.total == 2)
            #expect(local.html == nil)
        }
    }

    @Test("the head and auditors may ask; clerks and operators may not")
    func access() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-05-20") { intake in
            let auditor: StatisticsResponse = try await intake.staffClient("auditor", name: "审计员").call(
                "Statistics", StatisticsRequest())
            #expect(auditor.statistics.total == 0)
            let clerk = try #require(await capturedRPCError {
                let _: StatisticsResponse = try await intake.staffClient().call("Statistics", StatisticsRequest())
            })
            #expect(clerk.code == .permissionDenied)
            let anonymous = try #require(await capturedRPCError {
                let _: StatisticsResponse = try await intake.operatorClient().call("Statistics", StatisticsRequest())
            })
            #expect(anonymous.code == .unauthenticated)
        }
    }
}
