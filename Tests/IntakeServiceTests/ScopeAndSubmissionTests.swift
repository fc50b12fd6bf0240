import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

@Suite("Scope and submission through the real RPC path")
struct ScopeAndSubmissionTests {
    @Test("Kaiping: a Douyin account with 4,999 followers is refused, with 5,000 it is filed (以上 includes the number)")
    func kaipingFollowerThreshold() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let client = try intake.operatorClient()
            let below = Submissions.individualAccount(name: "开平美食探店", followers: 4999, region: "440783")
            let error = try #require(await capturedRPCError { try await client.submit(below) })
            #expect(error.code == .failedPrecondition)
            #expect(error.message.contains("4999"))
            #expect(error.details.contains { $0["type"]?.stringValue == "scope_decision" })

            let dry: ScopeCheckResponse = try await client.call("CheckScope", below)
            #expect(dry.scope.outcome == .outOfScope)
            #expect(dry.wouldFile == false)

            let at = Submissions.individualAccount(name: "开平美食探店", followers: 5000, region: "440783", sequence: 124)
            let receipt = try await client.submit(at)
            #expect(receipt.status == .submitted)
            #expect(receipt.verification == .verified)
            #expect(receipt.scope.outcome == .inScope)
            #expect(receipt.scope.threshold?.met == true)
            #expect(receipt.filingId.hasPrefix("440783-"))
            #expect(receipt.accessCode.count == 23)
            #expect(!receipt.missingMaterials.isEmpty, "no materials attached: the profile's list is missing")

            let staff = try intake.staffClient()
            let page = try await staff.list()
            #expect(page.filings.map(\.filingId) == [receipt.filingId])
        }
    }

    @Test("Xingtai: an app is referred to the national platform, not filed")
    func xingtaiAppReferred() async throws {
        try await IntakeHarness.with(office: "130500", today: "2020-06-01") { intake in
            let client = try intake.operatorClient()
            let error = try #require(await capturedRPCError {
                try await client.submit(Submissions.app(name: "邢台便民通", region: "130503"))
            })
            #expect(error.code == .failedPrecondition)
            #expect(error.message.contains("beian.gov.cn"))
            let page = try await intake.staffClient().list()
            #expect(page.filings.isEmpty)
        }
    }

    @Test("Xingtai: a name with a county's ancient name (钜鹿) is in scope on that evidence and routed to 巨鹿县")
    func countyAliasInName() async throws {
        try await IntakeHarness.with(office: "130500", today: "2020-06-01") { intake in
            let client = try intake.operatorClient()
            let submission = Submissions.individualAccount(name: "钜鹿生活圈", platform: "sina_weibo", region: "110105")
            let receipt = try await client.submit(submission)
            #expect(receipt.scope.outcome == .inScope)
            let evidence = try #require(receipt.scope.evidence.first { $0.condition == .nameContainsPlace })
            #expect(evidence.placeMatch?.matchedText == "钜鹿")
            #expect(evidence.placeMatch?.place == "巨鹿县")
            #expect(evidence.ambiguous == false)
            #expect(receipt.localOfficeCode == "130529")
        }
    }

    @Test("every field violation at once, bilingual, including identity's findings")
    func everyViolationAtOnce() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            var submission = Submissions.individualAccount(
                name: "", followers: 6000, region: "440783", mobile: "1380013800",
                idNumber: TestIdentityNumbers.residentWithBadCheck(region: "440783"))
            submission.object?.administrators = [AdministratorInput(name: "林", mobile: "12345", email: "not-an-email")]
            submission.object?.registrationDate = "2099-01-01"
            let error = try #require(await capturedRPCError { try await intake.operatorClient().submit(submission) })
            #expect(error.code == .invalidArgument)
            let fields = Set(error.fieldViolations.map(\.field))
            #expect(fields.isSuperset(of: [
                "operator.mobile", "object.name", "object.registration_date", "object.administrators[0].mobile",
                "object.administrators[0].email", "operator.id_number",
            ]))
            for violation in error.fieldViolations {
                #expect(!(violation.descriptionZh ?? "").isEmpty && !(violation.descriptionEn ?? "").isEmpty)
            }
            let identity = try #require(error.fieldViolations.first { $0.field == "operator.id_number" })
            #expect(identity.rule == "bad_check_character")
            #expect(identity.descriptionZh?.contains("校验码") == true)
            #expect(try await intake.staffClient().list().filings.isEmpty)
        }
    }

    @Test("an invalid identity number alone is INVALID_ARGUMENT and nothing is filed")
    func invalidIdentityNumber() async throws {
        try await IntakeHarness.with(office: "532501", today: "2024-01-10") { intake in
            var submission = Submissions.unitAccount(name: "个旧发布", region: "532501")
            submission.operator?.creditCode = "12532501MA5AB12C9Y"
            let error = try #require(await capturedRPCError { try await intake.operatorClient().submit(submission) })
            #expect(error.code == .invalidArgument)
            #expect(error.fieldViolations.map(\.field) == ["operator.credit_code"])
        }
    }

    @Test("Kaiping: an account whose follower count is unknown is filed and flagged for staff review")
    func needsStaffReview() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let receipt = try await intake.operatorClient().submit(Submissions.individualAccount(
                name: "开平小吃", followers: nil, region: "440783"))
            #expect(receipt.status == .submitted)
            #expect(receipt.scope.outcome == .needsStaffReview)
            #expect(receipt.reviewNeeded)
            let clerk = try intake.staffClient()
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(reviewNeeded: true))).filings.map(\.filingId)
                == [receipt.filingId])
            _ = try await clerk.review(receipt.filingId, "accept")
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(reviewNeeded: true))).filings.isEmpty)
        }
    }

    @Test("a clerk files on an operator's behalf; the receipt works for the operator, the history names the clerk")
    func staffOnBehalf() async throws {
        try await IntakeHarness.with(office: "130500", today: "2020-06-01") { intake in
            let county = try intake.staffClient("clerk", name: "巨鹿科员", organization: "130529")
            let receipt = try await county.submit(Submissions.individualAccount(
                name: "邢台好人好事", platform: "toutiao", region: "130503"))
            #expect(receipt.localOfficeCode == "130529", "a county clerk files for their own county")
            let view: FilingView = try await intake.operatorClient().asOperator(
                receipt, "GetFiling", GetFilingRequest(filingId: receipt.filingId))
            #expect(view.history.first?.actor == "clerk 巨鹿科员@130529")
            let auditor = try intake.staffClient("auditor", name: "审计员")
            let denied = try #require(await capturedRPCError {
                try await auditor.submit(Submissions.individualAccount(name: "邢台", region: "130503"))
            })
            #expect(denied.code == .permissionDenied)
        }
    }
}
