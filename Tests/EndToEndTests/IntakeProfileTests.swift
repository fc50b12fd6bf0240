import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

/// Each office's rulebook through the real `identity` and `intake` processes.
@Suite("Intake processes: the five offices' rules")
struct IntakeProfileTests {
    @Test("Kaiping: a Douyin account with 4,999 followers is refused as out of scope, with 5,000 it is filed")
    func kaipingThreshold() async throws {
        try await withIntakeOffice("440783", today: "2024-01-25") { office in
            let client = try office.operatorClient()
            let below = try #require(await capturedRPCError {
                try await client.submit(Forms.individual("开平美食探店", region: "440783", sequence: 11, followers: 4999))
            })
            #expect(below.code == .failedPrecondition)
            #expect(below.message.contains("4999"))
            let receipt = try await client.submit(Forms.individual("开平美食探店", region: "440783", sequence: 12,
                                                                    followers: 5000))
            #expect(receipt.scope.outcome == .inScope)
            #expect(receipt.scope.threshold?.met == true)
            #expect(receipt.verification == .verified, "identity answered through the real process")
            let rows = try await office.staffClient().allFilings()
            #expect(rows.map(\.filingId) == [receipt.filingId])
        }
    }

    @Test("Xingtai: an app is referred to the national public-security platform and not filed")
    func xingtaiAppReferred() async throws {
        try await withIntakeOffice("130500", today: "2020-06-01") { office in
            let error = try #require(await capturedRPCError {
                try await office.operatorClient().submit(Forms.app("邢台便民通", region: "130503"))
            })
            #expect(error.code == .failedPrecondition)
            #expect(error.message.contains("beian.gov.cn"))
            #expect(try await office.staffClient().allFilings().isEmpty)
        }
    }

    @Test("Shangluo: a change is due in 15 days; filed on day 18 it is late by 3 days, and listed as late")
    func shangluoChangeLate() async throws {
        try await withIntakeOffice("611000", today: "2021-05-20") { office in
            let form = Forms.individual("商洛印象", platform: "wechat_official_account", region: "611021",
                                        registered: "2021-05-01")
            let receipt = try await office.operatorClient().submit(form)
            let accepted = try await office.staffClient().review(receipt.filingId, "accept")
            #expect(accepted.filingNumber?.hasPrefix("陕商洛网信备2021") == true)

            try await office.restartIntake(today: "2021-06-28")
            var changed = form
            changed.object?.name = "商洛印象新版"
            let outcome: FilingOutcome = try await office.operatorClient().asOperator(
                receipt, "ChangeFiling", ChangeFilingRequest(filingId: receipt.filingId, changeDate: "2021-06-10",
                                                             submission: changed))
            #expect(outcome.status == .changed)
            #expect(outcome.deadline?.dueDate?.iso == "2021-06-25")
            #expect(outcome.deadline?.timeliness == .late)
            #expect(outcome.deadline?.daysLate == 3)
            let late = try await office.staffClient().allFilings(ListFilingsRequest(FilingFilters(late: true)))
            #expect(late.map(\.filingId) == [receipt.filingId])
        }
    }

    @Test("Gejiu: a government account's closure is due within 5 working days; filed after it, it is late")
    func gejiuClosureLate() async throws {
        try await withIntakeOffice("532501", today: "2024-01-03") { office in
            let receipt = try await office.operatorClient().submit(
                Forms.government("个旧发布", unit: "个旧市人民政府办公室", region: "532501", registered: "2024-01-02"))
            #expect(receipt.verification == .verified)
            _ = try await office.staffClient().review(receipt.filingId, "accept")

            try await office.restartIntake(today: "2024-01-15")
            let closed: FilingOutcome = try await office.operatorClient().asOperator(
                receipt, "CloseFiling", CloseFilingRequest(filingId: receipt.filingId, closureDate: "2024-01-05",
                                                           reason: "机构调整", announcedOn: "2024-01-05"))
            #expect(closed.status == .cancelled)
            #expect(closed.deadline?.dueDate?.iso == "2024-01-12", "5 working days after Friday 01-05")
            #expect(closed.deadline?.timeliness == .late)
            #expect(closed.deadline?.daysLate == 3)
        }
    }

    @Test("Hengdong: an account opened after the survey is due in 30 days; filed late, still filed, numbered 湘衡东网信备")
    func hengdongNewAccountLate() async throws {
        try await withIntakeOffice("430424", today: "2019-10-20") { office in
            let receipt = try await office.operatorClient().submit(Forms.individual(
                "衡东土菜馆", platform: "kuaishou", region: "430424", registered: "2019-09-01"))
            #expect(receipt.scope.outcome == .inScope)
            // 30 days end on 2019-10-01, National Day: the deadline moves to the next working day.
            #expect(receipt.deadline?.dueDate?.iso == "2019-10-08")
            #expect(receipt.deadline?.timeliness == .late)
            #expect(receipt.deadline?.daysLate == 12)
            let accepted = try await office.staffClient().review(receipt.filingId, "accept")
            #expect(accepted.filingNumber == "湘衡东网信备201900001号")
        }
    }
}
