import BeianModel
import BeianRPC
import BeianRuntime
import IntakeService
import Testing
import TestSupport

@Suite("An account or website is filed once at a time")
struct DuplicateFilingTests {
    @Test("object keys: platform and account id, case and spaces aside; a website's domain without www.; none for apps or 'other'")
    func keys() throws {
        func account(_ platform: Platform, _ id: String) -> FilingObject {
            .account(PlatformAccount(platform: platform, name: "名", accountId: id, followers: nil, administrators: []))
        }
        #expect(ObjectKey.of(account(.douyin, " ShangLuo_01 "))?.description == "account:douyin:shangluo_01")
        #expect(ObjectKey.of(account(.douyin, "a")) != ObjectKey.of(account(.kuaishou, "a")))
        #expect(ObjectKey.of(account(.other, "a")) == nil)
        #expect(ObjectKey.isHeld(by: .accepted) && ObjectKey.isHeld(by: .returnedForCorrection))
        #expect(!ObjectKey.isHeld(by: .rejected) && !ObjectKey.isHeld(by: .cancelled))
    }

    @Test("a second filing of a live account is ALREADY_EXISTS naming the field; once the first is rejected or closed it may be filed again")
    func secondFiling() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-06-01") { intake in
            let client = try intake.operatorClient()
            let clerk = try intake.staffClient()
            let first = Submissions.individualAccount(name: "商洛小吃", region: "611021", sequence: 51, registered: "2021-05-20")
            let receipt = try await client.submit(first)
            var again = first
            again.object?.name = "商洛小吃（新）"
            again.object?.accountId = "  " + (first.object?.accountId ?? "").uppercased()
            let refused = try #require(await capturedRPCError { _ = try await client.submit(again) })
            #expect(refused.code == .alreadyExists)
            #expect(refused.fieldViolations.map(\.field) == ["object.account_id"])
            #expect(refused.message.hasPrefix("抖音号账号“"), "\(refused.message)")
            #expect(!refused.message.contains(receipt.filingId), "the holder is not named to a stranger")
            #expect(try await clerk.list().filings.count == 1)

            _ = try await clerk.review(receipt.filingId, "reject", reason: "不属于备案范围")
            let refiled = try await client.submit(again)
            #expect(refiled.filingId != receipt.filingId)

            // A change may not take another live filing's account.
            _ = try await clerk.review(refiled.filingId, "accept")
            let other = try await client.submit(Submissions.individualAccount(
                name: "商洛凉皮", region: "611021", sequence: 52, registered: "2021-05-20"))
            _ = try await clerk.review(other.filingId, "accept")
            try intake.setToday("2021-06-10")
            var taking = Submissions.individualAccount(name: "商洛凉皮", region: "611021", sequence: 52,
                                                       registered: "2021-05-20")
            taking.object?.accountId = again.object?.accountId
            let clash = try #require(await capturedRPCError {
                let _: FilingOutcome = try await client.asOperator(other, "ChangeFiling", ChangeFilingRequest(
                    filingId: other.filingId, changeDate: "2021-06-05", submission: taking))
            })
            #expect(clash.code == .alreadyExists)

            // Closed, the account is free again.
            let _: FilingOutcome = try await client.asOperator(refiled, "CloseFiling", CloseFilingRequest(
                filingId: refiled.filingId, closureDate: "2021-06-09"))
            let afterClosure = try await client.submit(again)
            #expect(afterClosure.filingId != refiled.filingId)
        }
    }

    @Test("a database from before the keys gets them at the next start; duplicates already there are logged, not changed")
    func backfill() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-06-01") { intake in
            let client = try intake.operatorClient()
            let store = intake.runtime.store
            let first = Submissions.individualAccount(name: "商洛甲", region: "611021", sequence: 61)
            _ = try await client.submit(first)
            // As before the check existed: the same account filed a second time.
            try await store.write { db in try db.execute("DELETE FROM filing_object_key") }
            var same = Submissions.individualAccount(name: "商洛乙", region: "611021", sequence: 62)
            same.object?.accountId = first.object?.accountId
            let two = try await client.submit(same)
            // A database made before `filing_object_key`: no keys, and no record of the backfill.
            try await store.write { db in
                try db.execute("DELETE FROM filing_object_key")
                try db.execute("DELETE FROM intake_meta WHERE key = 'object_keys'")
            }
            let log = InMemoryLogHandler()
            try await ObjectKeyBackfill.run(intake.runtime.service.repository, store: store,
                                            logger: Logger(label: "test", handler: log, minimumLevel: .info))
            let keys = try await store.read { db in
                try db.fetchAll("SELECT key FROM filing_object_key").map { try $0.decode(String.self, at: 0) }
            }
            #expect(keys.count == 1)
            #expect(log.lines.contains { $0.contains("more than once") && $0.contains(two.filingId) }, "\(log.lines)")
            let refused = try #require(await capturedRPCError {
                _ = try await client.submit(Submissions.individualAccount(name: "商洛甲", region: "611021", sequence: 61))
            })
            #expect(refused.code == .alreadyExists)
            // It runs once.
            let quiet = InMemoryLogHandler()
            try await ObjectKeyBackfill.run(intake.runtime.service.repository, store: store,
                                            logger: Logger(label: "test", handler: quiet, minimumLevel: .info))
            #expect(quiet.lines.isEmpty)
        }
    }

    @Test("the dry run of an account already filed here says it cannot be filed, and why, as the submission would")
    func checkAlreadyFiled() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-06-01") { intake in
            let client = try intake.operatorClient()
            let form = Submissions.individualAccount(name: "商洛小吃", region: "611021", sequence: 51,
                                                     registered: "2021-05-20")
            let before: ScopeCheckResponse = try await client.call("CheckScope", form)
            #expect(before.wouldFile)
            #expect(before.refusals == [])
            let receipt = try await client.submit(form)

            var again = form
            again.object?.accountId = " " + (form.object?.accountId ?? "").uppercased()
            let after: ScopeCheckResponse = try await client.call("CheckScope", again)
            #expect(!after.wouldFile)
            #expect(after.scope.outcome == .inScope, "in scope, refused for another reason")
            let refusal = try #require(after.refusals?.first)
            #expect(after.refusals?.count == 1)
            let submitted = try #require(await capturedRPCError { _ = try await client.submit(again) })
            #expect(submitted.code == .alreadyExists)
            #expect(refusal.field == "object.account_id" && refusal.rule == "already_filed")
            #expect(submitted.fieldViolations.first?.field == refusal.field)
            #expect(submitted.fieldViolations.first?.descriptionZh == refusal.messageZh)
            #expect(submitted.fieldViolations.first?.descriptionEn == refusal.messageEn)
            #expect(refusal.messageZh.hasPrefix("抖音号账号“"))
            #expect(!refusal.messageZh.contains(receipt.filingId) && !refusal.messageEn.contains(receipt.filingId))

            _ = try await intake.staffClient().review(receipt.filingId, "reject", reason: "不属于备案范围")
            let released: ScopeCheckResponse = try await client.call("CheckScope", again)
            #expect(released.wouldFile, "a rejected filing holds nothing")
        }
    }
}
