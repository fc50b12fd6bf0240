import BeianRuntime
import BeianStore
import Foundation
import IntakeService
import Testing
import TestSupport

/// A database belongs to one office (`intake_meta.office_code`): intake refuses to start on
/// another office's state, so that a deployment switched to another `BEIAN_OFFICE` cannot serve
/// (or number, or change) the previous office's filings.
@Suite("The office a database belongs to")
struct OfficeOwnershipTests {
    @Test("the intake executable started with Kaiping's state as Xingtai exits 2 naming both offices")
    func executableRefusesAnotherOfficesState() async throws {
        let state = try TemporaryDirectory(prefix: "intake-owner")
        let kaiping = try await ServiceProcess("intake", environment: try ServiceEnvironment.make(
            service: "intake", stateDirectory: state.path, office: "440783",
            extra: ["BEIAN_IDENTITY_ADDRESS": "127.0.0.1:9"]))
        #expect(kaiping.logs.contains { $0.contains("database office recorded") && $0.contains("440783") })
        #expect(await kaiping.terminate() == 0)

        let xingtai = try await ProcessRunner.run(
            try ServiceProcess.executable("intake"), arguments: [],
            environment: try ServiceEnvironment.make(service: "intake", stateDirectory: state.path, office: "130500",
                                                     extra: ["BEIAN_IDENTITY_ADDRESS": "127.0.0.1:9"]),
            timeout: 30)
        #expect(xingtai.exitCode == 2)
        #expect(!xingtai.standardOutput.contains("\"ready\""), "it never announced itself ready")
        let message = try #require(xingtai.standardError.split(separator: "\n").last { $0.hasPrefix("intake: ") })
        #expect(message.contains("BEIAN_OFFICE is 130500"), "\(message)")
        #expect(message.contains("belongs to office 440783"), "\(message)")
        #expect(message.contains("BEIAN_STATE_DIR"), "\(message)")
        #expect(xingtai.standardError.contains("\"configuration error\""), "the log line says it too")

        // Kaiping itself still starts on its own state.
        let again = try await ServiceProcess("intake", environment: try ServiceEnvironment.make(
            service: "intake", stateDirectory: state.path, office: "440783",
            extra: ["BEIAN_IDENTITY_ADDRESS": "127.0.0.1:9"]))
        #expect(!again.logs.contains { $0.contains("database office recorded") }, "recorded once, at creation")
        #expect(await again.terminate() == 0)
    }

    @Test("a database from before intake_meta is claimed by its filings' office, not by whoever starts first")
    func legacyDatabase() async throws {
        let copy = try TemporaryDirectory(prefix: "intake-owner-legacy")
        try await IntakeHarness.with(office: "440783", today: "2024-01-10") { kaiping in
            _ = try await kaiping.operatorClient().submit(Submissions.individualAccount(
                name: "开平美食", followers: 6000, region: "440783"))
            _ = try await kaiping.runtime.store.backup(to: copy.file("intake.sqlite"))
            try FileManager.default.copyItem(atPath: kaiping.runtime.configuration.fieldKeyPath,
                                             toPath: copy.file("field.key"))
        }
        // As a database made before this check: no office recorded.
        let store = try await Store.open(path: copy.file("intake.sqlite"), migrations: IntakeSchema.migrations)
        try await store.write { db in try db.execute("DELETE FROM intake_meta") }
        await store.close()

        let refused = await #expect(throws: ConfigurationError.self) {
            _ = try await IntakeRuntime.start(
                settings: try IntakeHarness.settings(office: "130500", today: "2024-01-10", identityPort: 9,
                                                     state: copy.path),
                logger: Logger(label: "intake-test", handler: InMemoryLogHandler(), minimumLevel: .info))
        }
        #expect(refused?.variable == "BEIAN_OFFICE")
        #expect(refused?.rule.contains("belongs to office 440783") == true, "\(String(describing: refused))")
        #expect(refused?.rule.contains("130500") == true)

        let own = try await IntakeRuntime.start(
            settings: try IntakeHarness.settings(office: "440783", today: "2024-01-10", identityPort: 9,
                                                 state: copy.path),
            logger: Logger(label: "intake-test", handler: InMemoryLogHandler(), minimumLevel: .info))
        let recorded = try await own.store.read { db in try IntakeOffice.recorded(in: db) }
        #expect(recorded == "440783")
        await own.shutdown()
    }

    @Test("a new database records its office; an empty database without a record takes the configured office")
    func newDatabase() async throws {
        let state = try TemporaryDirectory(prefix: "intake-owner-new")
        let logger = Logger(label: "intake-test", handler: InMemoryLogHandler(), minimumLevel: .info)
        let first = try await IntakeRuntime.start(
            settings: try IntakeHarness.settings(office: "611000", today: nil, identityPort: 9, state: state.path),
            logger: logger)
        #expect(try await first.store.read { db in try IntakeOffice.recorded(in: db) } == "611000")
        await first.shutdown()
        let other = await #expect(throws: ConfigurationError.self) {
            _ = try await IntakeRuntime.start(
                settings: try IntakeHarness.settings(office: "532501", today: nil, identityPort: 9, state: state.path),
                logger: logger)
        }
        #expect(other?.rule.contains("belongs to office 611000") == true, "\(String(describing: other))")
    }
}
