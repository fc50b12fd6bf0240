import Foundation
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
            let returned = try await clerk.review(receipt.filingId, "return_for_correction", reason: "请补充管理员信息")
            #expect(returned.deadline?.timeliness == .pending, "returned: counted as not filed at once, not at the next sweep")

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
            #expect(first.updated == 0, "the return already made it pending")
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
            #expect(view.history.map(\.action).suffix(2) == ["return_for_correction", "deadline_overdue"])
            #expect(view.history.suffix(2).first?.details["timeliness"] == "pending")
            let audit = try await intake.auditEntries().map(\.action)
            #expect(audit.contains("filing.deadline_overdue"))

            let resubmitted: FilingOutcome = try await client.asOperator(
                receipt, "ResubmitFiling", ResubmitFilingRequest(filingId: receipt.filingId, submission: submission))
            #expect(resubmitted.deadline?.timeliness == .late, "filed again late: late at once")
            #expect(try await watch().items.isEmpty)
            let third = try #require(await intake.runtime.deadlines.sweep())
            #expect(third.updated == 0 && third.overdue == 0)
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

    @Test("a deadline in a year without rest-day data is on time or undetermined, never dropped; counted once BEIAN_CALENDAR_DIR adds the year")
    func missingCalendarYear() async throws {
        let state = try TemporaryDirectory(prefix: "intake-calendar")
        let extraCalendar = try TemporaryDirectory(prefix: "calendar-2027")
        // A test table (New Year's Day only, a holiday every year), standing in for the 2027 notice.
        try "date\tkind\tname_zh\tname_en\n2027-01-01\tholiday\t元旦\tNew Year's Day\n"
            .write(toFile: extraCalendar.path + "/test-2027.tsv", atomically: true, encoding: .utf8)
        // Shangluo: new accounts within one month; opened 2026-12-01, due 2027-01-01 or the next working day.
        let (onTime, undetermined) = try await IntakeHarness.with(office: "611000", today: "2026-12-07",
                                                                  state: state) { intake in
            let client = try intake.operatorClient()
            let onTime = try await client.submit(Submissions.individualAccount(
                name: "商洛小吃", region: "611021", sequence: 11, registered: "2026-12-01"))
            let deadline = try #require(onTime.deadline, "the deadline is kept, not dropped")
            #expect(deadline.timeliness == .onTime)
            #expect(deadline.dueDate == nil)
            #expect(deadline.earliestDueDate?.iso == "2027-01-01")
            #expect(deadline.missingCalendarYear == 2027)
            try intake.setToday("2027-01-04")
            let undetermined = try await client.submit(Submissions.individualAccount(
                name: "商洛凉皮", region: "611021", sequence: 12, registered: "2026-12-01"))
            #expect(undetermined.deadline?.timeliness == .undetermined)
            #expect(undetermined.deadline?.explanationZh.contains("截止日期待定") == true)
            let clerk = try intake.staffClient()
            let listed = try await clerk.list(ListFilingsRequest(FilingFilters(timeliness: "undetermined")))
            #expect(listed.filings.map(\.filingId) == [undetermined.filingId])
            let sweep = try #require(await intake.runtime.deadlines.sweep())
            #expect(sweep.undetermined == 1)
            #expect(sweep.updated == 0, "without the year nothing can change")
            return (onTime, undetermined)
        }
        try await IntakeHarness.with(office: "611000", today: "2027-01-04",
                                     extra: ["BEIAN_CALENDAR_DIR": extraCalendar.path], state: state) { intake in
            let clerk = try intake.staffClient()
            // The job's first sweep runs at start.
            #expect(try await eventually {
                try await clerk.get(undetermined.filingId).deadline?.timeliness == .onTime
            })
            let counted = try #require(try await clerk.get(undetermined.filingId).deadline)
            #expect(counted.dueDate?.iso == "2027-01-04", "2027-01-01 is a Friday holiday: due the next Monday")
            #expect(counted.missingCalendarYear == nil)
            #expect(try await clerk.get(undetermined.filingId).history.map(\.action).last == "deadline_on_time")
            #expect(try await clerk.get(onTime.filingId).deadline?.timeliness == .onTime)
            let sweep = try #require(await intake.runtime.deadlines.sweep())
            #expect(sweep.undetermined == 0)
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
