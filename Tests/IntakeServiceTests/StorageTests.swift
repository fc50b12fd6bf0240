import BeianModel
import BeianRPC
import BeianRuntime
import BeianServiceKit
import BeianStore
import Foundation
import IntakeService
import Testing
import TestSupport

@Suite("What intake keeps on disk")
struct StorageTests {
    @Test("personal numbers are encrypted at rest: none appears in the database file or its WAL")
    func encryptedAtRest() async throws {
        try await IntakeHarness.with(office: "532501", today: "2024-01-10") { intake in
            let submission = Submissions.unitAccount(name: "个旧文旅", region: "532501", sequence: 777)
            let receipt = try await intake.operatorClient().submit(submission)
            _ = try await intake.staffClient().review(receipt.filingId, "accept")
            let bytes = intake.databaseBytes()
            #expect(bytes.count > 4096)
            let secrets = [try #require(submission.operator?.responsiblePerson?.idNumber), "13700137000", "13600136000",
                           receipt.accessCode]
            for secret in secrets {
                #expect(!contains(bytes, Array(secret.utf8)), "\(secret.prefix(3))… is stored in plain text")
            }
            // Names are searchable, so they are there: the check can see plain text.
            #expect(contains(bytes, Array("个旧文旅".utf8)))
            let key = try FileManager.default.attributesOfItem(atPath: intake.runtime.configuration.fieldKeyPath)
            #expect((key[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test("the audit chain verifies after a series of operations, and records each of them")
    func auditChain() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let client = try intake.operatorClient()
            let clerk = try intake.staffClient()
            let submission = Submissions.individualAccount(name: "开平江畔", followers: 6000, region: "440783")
            let receipt = try await client.submit(submission)
            _ = try await clerk.review(receipt.filingId, "return_for_correction", reason: "请补充说明")
            let _: FilingOutcome = try await client.asOperator(
                receipt, "ResubmitFiling", ResubmitFilingRequest(filingId: receipt.filingId, submission: submission))
            _ = try await clerk.review(receipt.filingId, "accept")
            _ = try await clerk.get(receipt.filingId, reveal: true)
            let _: FilingOutcome = try await client.asOperator(
                receipt, "CloseFiling", CloseFilingRequest(filingId: receipt.filingId, closureDate: "2024-01-25"))
            let verification = try await intake.runtime.store.verifyAuditChain()
            #expect(verification.problem == nil)
            let actions = try await intake.auditEntries().map(\.action)
            #expect(actions == ["filing.submit", "filing.return_for_correction", "filing.resubmit", "filing.accept",
                                "filing.read_personal_numbers", "filing.close"])
            for entry in try await intake.auditEntries() {
                #expect(!entry.details.contains(try #require(submission.operator?.idNumber)))
            }
        }
    }

    @Test("a missing field key next to an existing database refuses to start, naming the variable")
    func missingKey() async throws {
        let state = try TemporaryDirectory(prefix: "intake-key")
        let settings = try IntakeHarness.settings(office: "440783", today: nil, identityPort: 9, state: state.path)
        let runtime = try await IntakeRuntime.start(settings: settings, logger: .disabled)
        await runtime.shutdown()
        try FileManager.default.removeItem(atPath: runtime.configuration.fieldKeyPath)
        let error = await #expect(throws: ConfigurationError.self) {
            _ = try await IntakeRuntime.start(settings: settings, logger: .disabled)
        }
        #expect(error?.variable == "BEIAN_FIELD_KEY")
    }

    @Test("an office without a profile, or no identity address, fails at start with a configuration error",
          arguments: [("999999", "BEIAN_OFFICE"), ("440783", "BEIAN_IDENTITY_ADDRESS")])
    func configuration(office: String, variable: String) async throws {
        let state = try TemporaryDirectory(prefix: "intake-config")
        var settings = try IntakeHarness.settings(office: office, today: nil, identityPort: 9, state: state.path)
        if variable == "BEIAN_IDENTITY_ADDRESS" {
            var values = settings.environment.values
            values["BEIAN_IDENTITY_ADDRESS"] = nil
            settings = try ServiceSettings(service: "intake", defaultPort: 0, defaultClientCertificates: .optional,
                                           environment: Environment(values))
        }
        do {
            _ = try IntakeConfiguration(settings: settings)
            Issue.record("started without \(variable)")
        } catch let error as ConfigurationError {
            #expect(error.variable == variable)
        }
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            (0...(hay.count - needle.count)).contains { start in
                hay[start] == needle[0] && Array(hay[start..<(start + needle.count)]) == needle
            }
        }
    }
}
