import BeianModel
import BeianRPC
import Foundation
import IntakeService
import Testing
import TestSupport

@Suite("Staff review, filing numbers, corrections and versions")
struct ReviewTests {
    @Test("accepting issues numbers in the profile's format, one sequence per year, never repeated")
    func kaipingNumbers() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let client = try intake.operatorClient()
            let clerk = try intake.staffClient("clerk")
            var numbers: [String] = []
            for sequence in 1...3 {
                let receipt = try await client.submit(Submissions.individualAccount(
                    name: "开平侨乡故事\(sequence)", followers: 8000, region: "440783", sequence: sequence))
                let outcome = try await clerk.review(receipt.filingId, "accept")
                #expect(outcome.status == .accepted)
                numbers.append(try #require(outcome.filingNumber))
            }
            #expect(numbers == ["粤开平网信备202400001号", "粤开平网信备202400002号", "粤开平网信备202400003号"])

            // Accepting again is refused by the state machine, naming the status; no number is used up.
            let first = try #require(await firstID(intake))
            let again = try #require(await capturedRPCError { try await clerk.review(first, "accept") })
            #expect(again.code == .failedPrecondition)
            #expect(again.message.contains("accepted"))
            let next = try await client.submit(Submissions.individualAccount(
                name: "开平侨乡故事4", followers: 8000, region: "440783", sequence: 4))
            #expect(try await clerk.review(next.filingId, "accept").filingNumber == "粤开平网信备202400004号")
        }
    }

    @Test("Shangluo numbers carry the local office's two digits; the head may accept, the auditor may not")
    func shangluoLocalNumbers() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-05-20") { intake in
            let receipt = try await intake.operatorClient().submit(Submissions.individualAccount(
                name: "商州生活", platform: "douyin", region: "611002", registered: "2021-05-10"))
            #expect(receipt.localOfficeCode == "611002")
            #expect(receipt.deadline?.timeliness == .early)
            // A local office given by its name is stored by its id; an unknown one is refused naming the field.
            var named = Submissions.individualAccount(name: "商州生活2", platform: "douyin", region: "611002",
                                                      registered: "2021-05-10")
            named.object?.accountId = "shangzhou-2"
            named.localOfficeCode = "商州区委网信办"
            #expect(try await intake.operatorClient().submit(named).localOfficeCode == "611002")
            named.object?.accountId = "shangzhou-3"
            named.localOfficeCode = "999999"
            let unknown = try #require(await capturedRPCError { try await intake.operatorClient().submit(named) })
            #expect(unknown.fieldViolations.map(\.field) == ["local_office_code"])
            #expect(unknown.fieldViolations.map(\.rule) == ["unknown_local_office"])
            let auditor = try #require(await capturedRPCError {
                try await intake.staffClient("auditor", name: "审计员").review(receipt.filingId, "accept")
            })
            #expect(auditor.code == .permissionDenied)
            let outcome = try await intake.staffClient("head", name: "李主任").review(receipt.filingId, "accept")
            #expect(outcome.filingNumber == "陕商洛网信备2021010001号")
        }
    }

    @Test("return for correction with reasons per field, resubmit, and the difference of the versions")
    func returnResubmitDiff() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let client = try intake.operatorClient()
            let clerk = try intake.staffClient()
            let original = Submissions.individualAccount(name: "开平碉楼日记", followers: 9000, region: "440783")
            let receipt = try await client.submit(original)
            let returned = try await clerk.review(receipt.filingId, "return_for_correction", corrections: [
                CorrectionRequest(field: "object.name", zh: "名称与平台显示不一致", en: "name differs from the platform's"),
                CorrectionRequest(field: "operator.mobile", reason: "请填写本人手机号"),
            ])
            #expect(returned.status == .returnedForCorrection)
            #expect(returned.corrections.map(\.field) == ["object.name", "operator.mobile"])
            #expect(returned.corrections[1].messageEn == "请填写本人手机号")

            let seen: FilingView = try await client.asOperator(receipt, "GetFiling",
                                                               GetFilingRequest(filingId: receipt.filingId))
            #expect(seen.corrections.count == 2)
            #expect(seen.personalNumbers == "masked")

            var corrected = original
            corrected.object?.name = "开平碉楼日记官方"
            corrected.operator?.mobile = "13912345678"
            let resubmitted: FilingOutcome = try await client.asOperator(
                receipt, "ResubmitFiling", ResubmitFilingRequest(filingId: receipt.filingId, submission: corrected))
            #expect(resubmitted.status == .submitted)
            #expect(resubmitted.version == 3)
            #expect(resubmitted.corrections.isEmpty)

            let diff: DiffVersionsResponse = try await client.asOperator(
                receipt, "DiffVersions", DiffVersionsRequest(filingId: receipt.filingId, from: 1, to: 3))
            #expect(diff.changes.map(\.path) == ["operator.mobile", "object.name"])
            let mobile = try #require(diff.changes.first)
            #expect(mobile.before == "138****8000")
            #expect(mobile.after == "139****5678")
            #expect(diff.changes[1].after == "开平碉楼日记官方")
            let beyond = try #require(await capturedRPCError {
                let _: DiffVersionsResponse = try await client.asOperator(
                    receipt, "DiffVersions", DiffVersionsRequest(filingId: receipt.filingId, from: 2, to: 4))
            })
            #expect(beyond.code == .invalidArgument)
            #expect(beyond.message == "1 个字段不符合要求 / 1 field(s) are invalid")
            let range = try #require(beyond.fieldViolations.first)
            #expect(range.field == "to")
            #expect(range.descriptionZh == "结束版本4不存在：版本号应在1到3之间（该备案共有3个版本）")
            #expect(range.descriptionEn == "to version 4 does not exist: versions are 1 to 3 (the filing has 3)")
            #expect(range.description == "\(range.descriptionZh ?? "") / \(range.descriptionEn ?? "")")

            let view = try await clerk.get(receipt.filingId)
            #expect(view.filing.versions.map(\.event) == ["submit", "return_for_correction", "resubmit"])
            #expect(view.history.map(\.action) == ["submit", "return_for_correction", "resubmit"])
            #expect(try await clerk.review(receipt.filingId, "accept").filingNumber == "粤开平网信备202400001号")
        }
    }

    @Test("review input is checked: unknown decision, rejection without a reason")
    func reviewInput() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let receipt = try await intake.operatorClient().submit(Submissions.individualAccount(
                name: "开平发布厅", followers: 9000, region: "440783"))
            let clerk = try intake.staffClient()
            let unknown = try #require(await capturedRPCError { try await clerk.review(receipt.filingId, "approve") })
            #expect(unknown.code == .invalidArgument)
            #expect(unknown.fieldViolations.map(\.field) == ["decision"])
            let bare = try #require(await capturedRPCError { try await clerk.review(receipt.filingId, "reject") })
            #expect(bare.fieldViolations.map(\.field) == ["reason"])
            let rejected = try await clerk.review(receipt.filingId, "reject", reason: "非本地账号")
            #expect(rejected.status == .rejected)
            #expect(rejected.staffNote == "非本地账号")
            let missing = try #require(await capturedRPCError { try await clerk.review("440783-ZZZZZZZZZZZZ", "accept") })
            #expect(missing.code == .notFound)
        }
    }

    private func firstID(_ intake: IntakeHarness) async throws -> String? {
        try await intake.staffClient().list(ListFilingsRequest(FilingFilters(status: "accepted"))).filings.last?.filingId
    }
}
