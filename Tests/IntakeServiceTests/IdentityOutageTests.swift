import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

@Suite("Identity service outage")
struct IdentityOutageTests {
    @Test("with identity down the filing is stored as pending, then verified automatically once identity is back; a mistyped check character is refused at once")
    func pendingThenVerified() async throws {
        // A port nobody listens on until identity starts there.
        let reserved = try ReservedPort()
        let port = reserved.port
        try await IntakeHarness.with(office: "440783", today: "2024-01-25", identityPort: port,
                                     startIdentity: false) { intake in
            let client = try intake.operatorClient()
            let good = try await client.submit(Submissions.individualAccount(
                name: "开平乡音", followers: 6000, region: "440783", sequence: 11))
            #expect(good.verification == .pending)
            #expect(good.noticeZh.contains("核验"))
            // A mistyped check character is refused at once, identity or not.
            let mistyped = try #require(await capturedRPCError {
                _ = try await client.submit(Submissions.individualAccount(
                    name: "开平乡情", followers: 6000, region: "440783",
                    idNumber: TestIdentityNumbers.residentWithBadCheck(region: "440783", sequence: 12)))
            })
            #expect(mistyped.code == .invalidArgument)
            #expect(mistyped.fieldViolations.map(\.field) == ["operator.id_number"])
            #expect(mistyped.fieldViolations.first?.rule == "bad_check_character")
            // A region that does not exist needs the identity service: pending until it answers.
            let bad = try await client.submit(Submissions.individualAccount(
                name: "开平乡情", followers: 6000, region: "440783",
                idNumber: TestIdentityNumbers.resident(region: "449999", sequence: 12)))
            #expect(bad.verification == .pending)
            let clerk = try intake.staffClient()
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(verification: "pending"))).filings.count == 2)
            let refused = try #require(await capturedRPCError { try await clerk.review(good.filingId, "accept") })
            #expect(refused.code == .failedPrecondition)

            reserved.release()
            try await withTestServer(services: [StandInIdentityService.service()],
                                     configure: { $0.port = port }) { _ in
                let verified = try await eventually {
                    let first = try await clerk.get(good.filingId, reveal: false).verification.state
                    let second = try await clerk.get(bad.filingId, reveal: false).verification.state
                    return first == .verified && second == .invalid
                }
                #expect(verified)
            }
            let returned = try await clerk.get(bad.filingId, reveal: false)
            #expect(returned.filing.status == .returnedForCorrection)
            #expect(returned.corrections.map(\.field) == ["operator.id_number"])
            #expect(returned.history.map(\.action) == ["submit", "verify"])
            #expect(returned.history.last?.actor == PendingVerification.actor)
            #expect(try await clerk.review(good.filingId, "accept").status == .accepted)
        }
    }

    @Test("the dry run reports the identity numbers' violations as a submission would, with identity up or down")
    func dryRunChecksNumbers() async throws {
        let submission = Submissions.individualAccount(
            name: "开平乡情", followers: 6000, region: "440783",
            idNumber: TestIdentityNumbers.residentWithBadCheck(region: "440783", sequence: 13))
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let error = try #require(await capturedRPCError {
                let _: ScopeCheckResponse = try await intake.operatorClient().call("CheckScope", submission)
            })
            #expect(error.code == .invalidArgument)
            #expect(error.fieldViolations.map(\.field) == ["operator.id_number"])
        }
        let down = try ReservedPort()
        try await IntakeHarness.with(office: "440783", today: "2024-01-25", identityPort: down.port,
                                     startIdentity: false) { intake in
            let error = try #require(await capturedRPCError {
                let _: ScopeCheckResponse = try await intake.operatorClient().call("CheckScope", submission)
            })
            #expect(error.fieldViolations.first?.rule == "bad_check_character")
            var good = submission
            good.operator?.idNumber = TestIdentityNumbers.resident(region: "440783", sequence: 13)
            let answer: ScopeCheckResponse = try await intake.operatorClient().call("CheckScope", good)
            #expect(answer.wouldFile)
        }
        withExtendedLifetime(down) {}  // held until here: no other test may take the port
    }
}
