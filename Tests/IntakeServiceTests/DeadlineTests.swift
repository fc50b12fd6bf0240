import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

@Suite("Deadline watch and the deadline job")
struct DeadlineTests {
    @Test("a returned filing is due soon, then overdue as the clock moves; resubmitted late it is late")
    func returnedFilingCountsDown() async throws {
        try await IntakeHarness.with(office: "130500", today: "2020-06-01") { intake in
            let client = try intake.operatorClient()
            let clerk = try intake.staffClient()
            // Opened 2020-05-25: due within 15 days, 2020-06-09.
            let submission = Submissions.individualAccount(name: "邢台小吃", region: "130503", sequence: 5,
                                                           registered: "2020-05-25")
            let receipt = try await client.submit(submission)
            #expect(receipt.deadline?.dueDate?.iso == "2020-06-09")
            #expect(receipt.deadline?.timeliness == .onTime)
            _ = try await clerk.review(receipt.filingId, "return_for_correction", reason: "请补充管理员信息")

            func watch(_ request: DeadlineWatchRequest = DeadlineWatchRequest()) async throws -> DeadlineWatchResponse {
                try await clerk.call("DeadlineWatch", request)
            }
            #expect(try await watch().items.isEmpty, "8 days left: not within 7")
            let wider = try await watch(DeadlineWatchRequest(withinDays: 10))
            #expect(wider.items.map(\.filingId) == [receipt.filingId])
            #expect(wider.items.first?.state == .dueSoon)
            #expect(wider.items.first?.daysRemaining == 8)

            try intake.setToday("2020-06-05")
            let soon = try await watch()
            #expect(soon.dueSoon == 1)
            let item = try #require(soon.items.first)
            #expect(item.event == .newAccount)
            #expect(item.dueDate.iso == "2020-06-09")
            #expect(item.daysRemaining == 4)
            #expect(item.operatorName == "林**")
            #expect(item.mobileMasked == "138****8000")
            let first = try #require(await intake.runtime.deadlines.sweep())
            #expect(first.updated == 1)
            #expect(first.dueSoon == 1 && first.overdue == 0)
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(timeliness: "pending"))).filings.map(\.filingId)
                    == [receipt.filingId])

            try intake.setToday("2020-06-12")
            let overdue = try await watch()
            #expect(overdue.overdue == 1)
            #expect(overdue.items.first?.state == .overdue)
            #expect(overdue.items.first?.daysLate == 3)
            let second = try #require(await intake.runtime.deadlines.sweep())
            #expect(second.updated == 1 && second.overdue == 1)
            let again = try #require(await intake.runtime.deadlines.sweep())
            #expect(again.updated == 0, "nothing changes twice on the same day")
            let view = try await clerk.get(receipt.filingId)
            #expect(view.deadline?.timeliness == .overdue)
            #expect(view.history.map(\.action).suffix(2) == ["deadline_pending", "deadline_overdue"])
            let audit = try await intake.auditEntries().map(\.action)
            #expect(audit.contains("filing.deadline_overdue"))

            let _: FilingOutcome = try await client.asOperator(
                receipt, "ResubmitFiling", ResubmitFilingRequest(filingId: receipt.filingId, submission: submission))
            #expect(try await watch().items.isEmpty)
            let third = try #require(await intake.runtime.deadlines.sweep())
            #expect(third.updated == 1 && third.overdue == 0)
            let filed = try await clerk.get(receipt.filingId)
            #expect(filed.deadline?.timeliness == .late)
            #expect(filed.deadline?.daysLate == 3)
            let late = try await watch(DeadlineWatchRequest(includeLate: true))
            #expect(late.items.map(\.state) == [.late])
            #expect(late.items.first?.daysLate == 3)
        }
    }

    @Test("the sanctions service of the office may watch; others may not")
    func access() async throws {
        try await IntakeHarness.with(office: "130500", today: "2020-06-01") { intake in
            // Opened 2020-05-01, before the window ended: due 2020-05-22, filed late.
            let receipt = try await intake.operatorClient().submit(Submissions.individualAccount(
                name: "邢台旧闻", region: "130503", registered: "2020-05-01"))
            #expect(receipt.deadline?.timeliness == .late)
            let sanctions = try intake.server.client(
                identity: TestCertificates.shared.serviceCertificate(name: "sanctions", office: "130500"))
            let answer: DeadlineWatchResponse = try await sanctions.call(
                "DeadlineWatch", DeadlineWatchRequest(includeLate: true))
            #expect(answer.items.map(\.filingId) == [receipt.filingId])
            #expect(answer.late == 1)
            #expect(answer.items.first?.daysLate == 10)

            let foreign = try intake.server.client(
                identity: TestCertificates.shared.serviceCertificate(name: "sanctions", office: "611000"))
            let intakeService = try intake.server.client(
                identity: TestCertificates.shared.serviceCertificate(name: "intake", office: "130500"))
            for (client, code) in [(foreign, RPCStatus.Code.permissionDenied), (intakeService, .permissionDenied),
                                   (try intake.operatorClient(), .unauthenticated)] {
                let error = try #require(await capturedRPCError {
                    let _: DeadlineWatchResponse = try await client.call("DeadlineWatch", DeadlineWatchRequest())
                })
                #expect(error.code == code)
            }
            let invalid = try #require(await capturedRPCError {
                let _: DeadlineWatchResponse = try await intake.staffClient().call(
                    "DeadlineWatch", DeadlineWatchRequest(withinDays: -1))
            })
            #expect(invalid.code == .invalidArgument)
        }
    }

    @Test("the runtime's job recomputes timeliness on its own as the calendar moves")
    func periodicJob() async throws {
        try await IntakeHarness.with(office: "130500", today: "2020-06-01",
                                     extra: ["BEIAN_DEADLINE_SWEEP_MS": "100"]) { intake in
            let clerk = try intake.staffClient()
            let receipt = try await intake.operatorClient().submit(Submissions.individualAccount(
                name: "邢台小吃", region: "130503", registered: "2020-05-25"))
            _ = try await clerk.review(receipt.filingId, "return_for_correction", reason: "请补充")
            try intake.setToday("2020-06-15")
            let overdue = try await eventually {
                try await clerk.get(receipt.filingId).deadline?.timeliness == .overdue
            }
            #expect(overdue)
            let view = try await clerk.get(receipt.filingId)
            // A sweep may have run between the return and the clock's move (then it was pending first).
            #expect(view.history.filter { $0.action.hasPrefix("deadline_") }.last?.action == "deadline_overdue")
        }
    }
}
