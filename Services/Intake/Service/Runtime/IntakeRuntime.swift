import BeianModel
import BeianRPC
import BeianRuntime
import BeianServiceKit
import BeianStore
import Foundation

/// The running parts of one intake deployment: configuration, store, identity client, the
/// service and its background job. `IntakeAssembly` uses it under `ServiceMain`; tests start it
/// directly with their own settings and serve `services` from a test server.
package final class IntakeRuntime: Sendable {
    /// The configuration read at start.
    package let configuration: IntakeConfiguration
    /// The service.
    package let service: IntakeService
    /// The pending-verification job.
    package let verifier: PendingVerification
    /// The deadline job.
    package let deadlines: DeadlineSweep

    private init(configuration: IntakeConfiguration, service: IntakeService, verifier: PendingVerification,
                 deadlines: DeadlineSweep) {
        self.configuration = configuration
        self.service = service
        self.verifier = verifier
        self.deadlines = deadlines
    }

    /// How long idempotency records are kept (a retry after that is a new request): 30 days,
    /// expired at each start.
    package static let idempotencyRetention: TimeInterval = 30 * 86_400

    /// The RPC services to serve.
    package var services: [RPCService] { [service.rpcService] }
    /// The clock (tests move it).
    package var clock: IntakeClock { service.clock }
    /// The database.
    package var store: Store { service.store }

    /// Reads intake's settings, opens (creating on first start) the field key and the database,
    /// and starts the pending-verification and deadline jobs.
    package static func start(settings: ServiceSettings, logger: Logger) async throws -> IntakeRuntime {
        let configuration = try IntakeConfiguration(settings: settings)
        let cipher = try openCipher(configuration)
        var storeConfiguration = StoreConfiguration()
        storeConfiguration.quickCheckOnOpen = configuration.integrityCheck == .open
        storeConfiguration.label = "beian.intake.store"
        _ = FoldTable.shared  // built once, before the first submission needs it (and before migrations)
        let store = try await Store.open(path: configuration.databasePath, migrations: IntakeSchema.migrations,
                                         configuration: storeConfiguration)
        if !store.appliedMigrations.isEmpty {
            logger.notice("database migrated", ["migrations": .string(store.appliedMigrations.joined(separator: ","))])
        }
        do {
            try await claimDatabase(store, configuration: configuration, logger: logger)
        } catch {
            await store.close()
            throw error
        }
        let clock = IntakeClock(today: configuration.fixedToday)
        let cutoff = clock.now().date.addingTimeInterval(-Self.idempotencyRetention)
        let purged = try await store.write { db in try db.deleteIdempotencyRecords(before: cutoff) }
        if purged > 0 { logger.info("idempotency records expired", ["count": .int(purged)]) }
        let repository = FilingRepository(store: store, cipher: cipher)
        try await ObjectKeyBackfill.run(repository, store: store, logger: logger)
        let client = try RPCClient(configuration: configuration.identity, logger: logger)
        let wakeup = Wakeup()
        let service = IntakeService(
            profile: configuration.profile, calendar: configuration.calendar,
            repository: repository,
            identity: IdentityVerifier(client: client, timeout: configuration.identityTimeout),
            clock: clock, logger: logger, wakeVerifier: { wakeup.signal() },
            materials: MaterialRepository(cipher: try MaterialCipher(keyFile: configuration.fieldKeyPath)),
            materialLimits: configuration.materialLimits,
            peers: try PeerIntakes(configurations: configuration.peerIntakes, logger: logger))
        let verifier = PendingVerification(
            service: service, wakeup: wakeup, retryInitial: configuration.verifyRetryInitial,
            retryMaximum: configuration.verifyRetryMaximum, sweepInterval: configuration.verifySweepInterval)
        verifier.start()
        let deadlines = DeadlineSweep(service: service, interval: configuration.deadlineSweepInterval)
        deadlines.start()
        logger.notice("intake prepared (database, profile, peers); listening next", ["office": .string(configuration.officeCode),
                                       "profile": .string(configuration.profile.nameZh),
                                       "peers": .string(service.peers.offices.joined(separator: ","))])
        return IntakeRuntime(configuration: configuration, service: service, verifier: verifier, deadlines: deadlines)
    }

    /// With `BEIAN_INTEGRITY_CHECK=background`, checks the database file (`quick_check`) in the
    /// background and logs the result; calls `damaged` with the problems when it finds any (or
    /// cannot check). Returns the task, which answers nil when no check runs.
    @discardableResult
    package func checkIntegrityInBackground(
        damaged: @escaping @Sendable ([String]) async -> Void
    ) -> Task<[String]?, Never> {
        guard configuration.integrityCheck == .background else { return Task { nil } }
        let store = self.store
        let logger = service.logger
        return Task.detached(priority: .utility) {
            let started = ContinuousClock.now
            let problems: [String]
            do {
                problems = try await store.checkIntegrity()
            } catch {
                problems = ["quick_check could not run: \(error)"]
            }
            let elapsed = (ContinuousClock.now - started).components
            let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
            if problems.isEmpty {
                logger.notice("database check passed", ["check": .string("quick_check"),
                                                         "milliseconds": .int(milliseconds)])
            } else {
                logger.critical("database check found damage: restore from a backup", [
                    "check": .string("quick_check"), "problems": .string(problems.prefix(10).joined(separator: "; ")),
                ])
                await damaged(problems)
            }
            return problems
        }
    }

    /// Stops the jobs, closes the peer clients and the database (after the server has drained).
    package func shutdown() async {
        await verifier.stop()
        await deadlines.stop()
        service.peers.close()
        await store.close()
    }

    /// Checks that the database belongs to this office (`intake_meta`, recorded at its first start):
    /// a `ConfigurationError` naming both offices when it holds another office's filings (a state
    /// directory left by another office's deployment).
    private static func claimDatabase(_ store: Store, configuration: IntakeConfiguration, logger: Logger) async throws {
        let office = configuration.officeCode
        switch try await store.write({ db in try IntakeOffice.claim(office, in: db) }) {
        case .recorded:
            break
        case .recordedNow:
            logger.notice("database office recorded", ["office": .string(office)])
        case .otherOffice(let owner):
            throw ConfigurationError(
                variable: "BEIAN_OFFICE",
                rule: "is \(office), but the database \(configuration.databasePath) belongs to office \(owner): "
                    + "start with BEIAN_OFFICE=\(owner), or give office \(office) its own state directory "
                    + "(BEIAN_STATE_DIR); intake will not serve or change another office's filings")
        }
    }

    /// The field cipher; the key file is created on the first start only (when there is no
    /// database yet): a missing key next to an existing database is an error, since a new key
    /// could not open what the old one sealed.
    private static func openCipher(_ configuration: IntakeConfiguration) throws -> FieldCipher {
        let files = FileManager.default
        if !files.fileExists(atPath: configuration.fieldKeyPath) {
            guard !files.fileExists(atPath: configuration.databasePath) else {
                throw ConfigurationError(
                    variable: "BEIAN_FIELD_KEY",
                    rule: "key file \(configuration.fieldKeyPath) is missing but \(configuration.databasePath) exists: "
                        + "restore the key file (a new key cannot open the encrypted personal numbers)")
            }
            try FieldCipher.createKeyFile(at: configuration.fieldKeyPath)
        }
        return try FieldCipher(keyFile: configuration.fieldKeyPath, normalizeForLookup: TextNormalization.code)
    }
}
