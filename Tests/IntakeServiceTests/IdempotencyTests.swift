import BeianJSON
import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

@Suite("Idempotent submissions")
struct IdempotencyTests {
    @Test("the same key and body returns the first receipt and makes one filing; another body is FAILED_PRECONDITION")
    func retries() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let client = try intake.operatorClient()
            let submission = Submissions.individualAccount(name: "开平街坊", followers: 7000, region: "440783")
            let first = try await client.submit(submission, key: "retry-7f3a")
            let second = try await client.submit(submission, key: "retry-7f3a")
            #expect(second == first)
            #expect(second.accessCode == first.accessCode)
            #expect(try await intake.staffClient().list().filings.count == 1)

            var other = submission
            other.object?.followers = 7001
            let conflict = try #require(await capturedRPCError { try await client.submit(other, key: "retry-7f3a") })
            #expect(conflict.code == .failedPrecondition)
            #expect(conflict.message.hasPrefix("幂等键“retry-7f3a”已用于另一个不同的请求"), "Chinese first, naming the key")
            #expect(conflict.message.contains("idempotency key \"retry-7f3a\" was already used"))

            // The same account under a new key is refused: it is on file.
            let twice = try #require(await capturedRPCError { try await client.submit(other, key: "retry-9d2e") })
            #expect(twice.code == .alreadyExists)
            #expect(twice.fieldViolations.map(\.field) == ["object.account_id"])

            // A new key for another account is a new filing; concurrent retries of one key still make one.
            var another = other
            another.object?.name = "开平街坊二号"
            another.object?.accountId = "kp-jiefang-2"
            let copy = another
            async let a = client.submit(copy, key: "retry-8b1c")
            async let b = client.submit(copy, key: "retry-8b1c")
            let (ra, rb) = try await (a, b)
            #expect(ra.filingId == rb.filingId)
            #expect(try await intake.staffClient().list().filings.count == 2)
        }
    }

    @Test("the retried receipt still opens the filing: the access code works")
    func retriedReceiptWorks() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let client = try intake.operatorClient()
            let submission = Submissions.individualAccount(name: "开平夜市", followers: 5200, region: "440783")
            _ = try await client.submit(submission, key: "k-1")
            let retried = try await client.submit(submission, key: "k-1")
            let view: FilingView = try await client.asOperator(
                retried, "GetFiling", GetFilingRequest(filingId: retried.filingId))
            #expect(view.filing.id == retried.filingId)
        }
    }

    @Test("a replayed answer says so in its trailing metadata (idempotent-replay: true); a first answer does not")
    func replaySignal() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let client = try intake.operatorClient()
            let message = try JSONCoding.encodeValue(Submissions.individualAccount(
                name: "开平碉楼", followers: 7000, region: "440783", sequence: 41))
            let options = CallOptions(metadata: ["idempotency-key": "replay-1"])
            let method = "beian.intake.v1.Intake/SubmitFiling"
            let first = try await client.unaryJSON(method, message: message, options: options)
            #expect(first.metadata["idempotent-replay"] == nil)
            let again = try await client.unaryJSON(method, message: message, options: options)
            #expect(again.metadata["idempotent-replay"] == "true")
            #expect(again.message["filing_id"] == first.message["filing_id"])
        }
    }
}
