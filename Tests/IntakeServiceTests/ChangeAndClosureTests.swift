import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

@Suite("Changes and closures with the profile's deadlines")
struct ChangeAndClosureTests {
    @Test("Shangluo: a change on 2021-06-10 is due 2021-06-25; filed on 06-20 on time, on 06-28 late by 3 days")
    func shangluoChange() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-05-20") { intake in
            let client = try intake.operatorClient()
            let clerk = try intake.staffClient()
            var receipts: [SubmissionReceipt] = []
            for sequence in 1...2 {
                let receipt = try await client.submit(Submissions.individualAccount(
                    name: "商洛印象\(sequence)", platform: "wechat_official_account", region: "611021",
                    sequence: sequence, registered: "2021-05-01"))
                _ = try await clerk.review(receipt.filingId, "accept")
                receipts.append(receipt)
            }
            func change(_ receipt: SubmissionReceipt, name: String) async throws -> FilingOutcome {
                var submission = Submissions.individualAccount(
                    name: name, platform: "wechat_official_account", region: "611021",
                    sequence: receipts.firstIndex(of: receipt)! + 1, registered: "2021-05-01")
                let sequence = receipts.firstIndex(of: receipt)! + 1
                submission.object?.accountId = "acct\(sequence)-\(accountSuffix("商洛印象\(sequence)"))"   // the same account
                return try await client.asOperator(receipt, "ChangeFiling", ChangeFilingRequest(
                    filingId: receipt.filingId, changeDate: "2021-06-10", submission: submission))
            }
            try intake.setToday("2021-06-20")
            let onTime = try await change(receipts[0], name: "商洛印象新版")
            #expect(onTime.status == .changed)
            #expect(onTime.deadline?.dueDate?.iso == "2021-06-25")
            #expect(onTime.deadline?.timeliness == .onTime)

            try intake.setToday("2021-06-28")
            let late = try await change(receipts[1], name: "商洛印象二号")
            #expect(late.deadline?.dueDate?.iso == "2021-06-25")
            #expect(late.deadline?.timeliness == .late)
            #expect(late.deadline?.daysLate == 3)

            let view = try await clerk.get(receipts[1].filingId)
            #expect(view.filing.change?.changedFields == ["object.name"])
            let lateList = try await clerk.list(ListFilingsRequest(FilingFilters(late: true)))
            #expect(lateList.filings.map(\.filingId) == [receipts[1].filingId])
            #expect(lateList.filings.first?.dueDate?.iso == "2021-06-25")

            // Staff confirm the change; the filing number stays.
            let confirmed = try await clerk.review(receipts[1].filingId, "accept")
            #expect(confirmed.status == .accepted)
            #expect(confirmed.filingNumber == view.filing.filingNumber)
        }
    }

    @Test("Gejiu: a government account's closure is due within 5 working days", arguments: [
        ("2024-01-12", Timeliness.onTime, nil as Int?),
        ("2024-01-15", Timeliness.late, 3 as Int?),
    ])
    func gejiuClosure(filedOn: String, expected: Timeliness, daysLate: Int?) async throws {
        try await IntakeHarness.with(office: "532501", today: "2024-01-03") { intake in
            let client = try intake.operatorClient()
            let receipt = try await client.submit(Submissions.unitAccount(name: "个旧发布", region: "532501",
                                                                         registered: "2024-01-02"))
            #expect(receipt.scope.outcome == .inScope)
            #expect(receipt.missingMaterials.contains { $0.anyOf.contains(.leadershipMeetingMinutes) })
            _ = try await intake.staffClient().review(receipt.filingId, "accept")

            try intake.setToday(filedOn)
            let closed: FilingOutcome = try await client.asOperator(receipt, "CloseFiling", CloseFilingRequest(
                filingId: receipt.filingId, closureDate: "2024-01-05", reason: "机构调整", announcedOn: "2024-01-05"))
            #expect(closed.status == .cancelled)
            #expect(closed.deadline?.dueDate?.iso == "2024-01-12")
            #expect(closed.deadline?.timeliness == expected)
            #expect(closed.deadline?.daysLate == daysLate)

            let again = try #require(await capturedRPCError {
                let _: FilingOutcome = try await client.asOperator(receipt, "CloseFiling", CloseFilingRequest(
                    filingId: receipt.filingId, closureDate: "2024-01-05"))
            })
            #expect(again.code == .failedPrecondition)
            #expect(again.message.contains("cancelled"))
        }
    }

    @Test("a change before acceptance is refused naming the status; a future change date is invalid")
    func changeRules() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-06-01") { intake in
            let client = try intake.operatorClient()
            let submission = Submissions.individualAccount(name: "商洛随手拍", platform: "douyin", region: "611000")
            let receipt = try await client.submit(submission)
            let early = try #require(await capturedRPCError {
                let _: FilingOutcome = try await client.asOperator(receipt, "ChangeFiling", ChangeFilingRequest(
                    filingId: receipt.filingId, changeDate: "2021-05-30", submission: submission))
            })
            #expect(early.code == .failedPrecondition)
            #expect(early.message.contains("submitted"))
            #expect(early.message.hasPrefix("备案\(receipt.filingId)当前为“已提交”，不能变更备案 / "), "\(early.message)")
            let future = try #require(await capturedRPCError {
                let _: FilingOutcome = try await client.asOperator(receipt, "ChangeFiling", ChangeFilingRequest(
                    filingId: receipt.filingId, changeDate: "2021-07-01", submission: submission))
            })
            #expect(future.code == .invalidArgument)
            #expect(future.fieldViolations.map(\.field) == ["change_date"])
        }
    }

    @Test("a change dated before the object opened or before the current version, or changing nothing, is refused naming the field and rule")
    func changeAgainstHistory() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-06-01") { intake in
            let client = try intake.operatorClient()
            let submission = Submissions.individualAccount(name: "商洛夜市", platform: "douyin", region: "611021",
                                                           sequence: 31, registered: "2021-05-20")
            let receipt = try await client.submit(submission)
            _ = try await intake.staffClient().review(receipt.filingId, "accept")
            try intake.setToday("2021-06-20")
            let versionBefore = try await intake.staffClient().get(receipt.filingId).filing.version
            var renamed = submission
            renamed.object?.name = "商洛夜市新址"
            func change(_ date: String, _ form: FilingSubmission) async -> RPCError? {
                await capturedRPCError {
                    let _: FilingOutcome = try await client.asOperator(receipt, "ChangeFiling", ChangeFilingRequest(
                        filingId: receipt.filingId, changeDate: date, submission: form))
                }
            }
            let beforeOpening = try #require(await change("2021-05-10", renamed))
            #expect(beforeOpening.code == .invalidArgument)
            #expect(beforeOpening.fieldViolations.map(\.rule).contains("before_registration"))
            let beforeVersion = try #require(await change("2021-05-25", renamed))
            #expect(beforeVersion.fieldViolations.map(\.field) == ["change_date"])
            #expect(beforeVersion.fieldViolations.first?.rule == "before_current_version")
            #expect(beforeVersion.fieldViolations.first?.descriptionZh?.contains("早于当前版本") == true)
            let nothing = try #require(await change("2021-06-10", submission))
            #expect(nothing.fieldViolations.map(\.field) == ["submission"])
            #expect(nothing.fieldViolations.first?.rule == "no_change")
            #expect(try await intake.staffClient().get(receipt.filingId).filing.version == versionBefore,
                    "nothing was stored")
            let changed: FilingOutcome = try await client.asOperator(receipt, "ChangeFiling", ChangeFilingRequest(
                filingId: receipt.filingId, changeDate: "2021-06-10", submission: renamed))
            #expect(changed.status == .changed)
        }
    }

    @Test("Shangluo: a closure, which has no deadline there, answers so and keeps the late change on record")
    func closureKeepsLateness() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-06-01") { intake in
            let client = try intake.operatorClient()
            let clerk = try intake.staffClient()
            let submission = Submissions.individualAccount(name: "商洛老街", platform: "douyin", region: "611021",
                                                           sequence: 32, registered: "2021-05-20")
            let receipt = try await client.submit(submission)
            _ = try await clerk.review(receipt.filingId, "accept")
            try intake.setToday("2021-06-28")
            var renamed = submission
            renamed.object?.name = "商洛老街二号"
            let late: FilingOutcome = try await client.asOperator(receipt, "ChangeFiling", ChangeFilingRequest(
                filingId: receipt.filingId, changeDate: "2021-06-10", submission: renamed))
            #expect(late.deadline?.timeliness == .late)
            _ = try await clerk.review(receipt.filingId, "accept")
            let early = try #require(await capturedRPCError {
                let _: FilingOutcome = try await client.asOperator(receipt, "CloseFiling", CloseFilingRequest(
                    filingId: receipt.filingId, closureDate: "2021-05-01"))
            })
            #expect(early.fieldViolations.map(\.field) == ["closure_date"])
            let closed: FilingOutcome = try await client.asOperator(receipt, "CloseFiling", CloseFilingRequest(
                filingId: receipt.filingId, closureDate: "2021-06-27"))
            #expect(closed.status == .cancelled)
            #expect(closed.deadline?.timeliness == .noDeadline, "the answer gives the closure's own assessment")
            let kept = try await clerk.get(receipt.filingId).deadline
            #expect(kept?.timeliness == .late, "the record keeps the late change")
            #expect(kept?.daysLate == 3)
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(late: true))).filings.map(\.filingId)
                    == [receipt.filingId])
            #expect(try await clerk.get(receipt.filingId).history.last?.details["timeliness"] == "no_deadline",
                    "the closure's own assessment is in its history")
        }
    }
}
