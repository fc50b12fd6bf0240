import BeianModel
import BeianReferenceData
import BeianRPC
import BeianRuntime
import BeianServiceKit
import Foundation

/// Intake's own settings, read once at start on top of `ServiceSettings`.
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `BEIAN_OFFICE` | the office this deployment serves; its policy profile must exist | required |
/// | `BEIAN_IDENTITY_ADDRESS` | `host:port` of the office's identity service (mutual TLS) | required |
/// | `BEIAN_FIELD_KEY` | field-encryption key file (created on first start, mode 0600) | `<state>/field.key` |
/// | `BEIAN_TODAY` | a fixed "today" `YYYY-MM-DD` (tests, demos); the time of day runs and stops at the day's end | real date, Asia/Shanghai |
/// | `BEIAN_IDENTITY_TIMEOUT_MS` | how long a submission waits for identity before storing it as pending | 3000 |
/// | `BEIAN_VERIFY_RETRY_MS`, `BEIAN_VERIFY_RETRY_MAX_MS` | backoff of the pending-verification job | 2000, 300000 |
/// | `BEIAN_VERIFY_SWEEP_MS` | how often the job looks for pending filings when idle | 60000 |
/// | `BEIAN_DATA_DIR` | replacement reference data (profiles, calendar) | the bundled data |
/// | `BEIAN_MATERIAL_MAX_BYTES` | largest uploaded material | 10485760 (10 MiB) |
/// | `BEIAN_FILING_MATERIALS_MAX_BYTES` | largest total of one filing's materials | 52428800 (50 MiB) |
/// | `BEIAN_DEADLINE_SWEEP_MS` | how often the deadline job recomputes timeliness of open filings | 3600000 (1 h) |
/// | `BEIAN_PEER_INTAKES` | other offices' intake, `office=host:port,...` (transfers; mutual TLS) | none |
/// | `BEIAN_INTEGRITY_CHECK` | `background`: `quick_check` after start (damage: health NOT_SERVING); `open`: before start (damage: refuse to start); `off` | `background` |
package struct IntakeConfiguration: Sendable {
    /// The office's division code (`BEIAN_OFFICE`).
    package var officeCode: String
    /// The office's policy profile.
    package var profile: PolicyProfile
    /// The working-day calendar.
    package var calendar: WorkingDayCalendar
    /// `intake.sqlite` in the state directory.
    package var databasePath: String
    /// The field-encryption key file.
    package var fieldKeyPath: String
    /// The identity service.
    package var identity: ClientConfiguration
    /// Time a submission waits for the identity service.
    package var identityTimeout: Duration
    /// First wait of the pending-verification job after identity failed.
    package var verifyRetryInitial: Duration
    /// Longest wait of the pending-verification job.
    package var verifyRetryMaximum: Duration
    /// Idle sweep interval of the pending-verification job.
    package var verifySweepInterval: Duration
    /// A fixed "today", when set.
    package var fixedToday: CivilDate?
    /// Limits on uploaded materials.
    package var materialLimits: MaterialLimits
    /// Interval of the deadline job.
    package var deadlineSweepInterval: Duration
    /// Other offices' intake services by office code.
    package var peerIntakes: [String: ClientConfiguration]
    /// When the database file is checked.
    package var integrityCheck: IntegrityCheckTiming

    /// Reads the settings; a missing or bad value throws a `ConfigurationError` naming it.
    package init(settings: ServiceSettings) throws {
        let environment = settings.environment
        guard let office = settings.officeCode else {
            throw ConfigurationError(variable: "BEIAN_OFFICE",
                                     rule: "is required: intake serves one office (its division code)")
        }
        let data: ReferenceData
        do {
            data = try ReferenceData.load(environment: environment.values)
        } catch {
            throw ConfigurationError(variable: "BEIAN_DATA_DIR", rule: "reference data does not load: \(error)")
        }
        guard let profile = data.profile(officeCode: office) else {
            let known = data.profiles.keys.sorted().joined(separator: ", ")
            throw ConfigurationError(variable: "BEIAN_OFFICE",
                                     rule: "names office \(office), which has no policy profile (known: \(known))")
        }
        guard let identity = try settings.peerService("BEIAN_IDENTITY_ADDRESS") else {
            throw ConfigurationError(variable: "BEIAN_IDENTITY_ADDRESS",
                                     rule: "is required: intake verifies identity numbers through the identity "
                                         + "service (host:port)")
        }
        officeCode = office
        self.profile = profile
        calendar = data.calendar
        databasePath = try settings.statePath("intake.sqlite")
        if let path = environment.get("BEIAN_FIELD_KEY") {
            fieldKeyPath = path
        } else {
            fieldKeyPath = try settings.statePath("field.key")
        }
        var client = identity
        client.maximumBackoff = .seconds(1)
        client.connectTimeout = .seconds(2)
        self.identity = client
        identityTimeout = try environment.milliseconds("BEIAN_IDENTITY_TIMEOUT_MS", default: .seconds(3))
        verifyRetryInitial = try environment.milliseconds("BEIAN_VERIFY_RETRY_MS", default: .seconds(2))
        verifyRetryMaximum = try environment.milliseconds("BEIAN_VERIFY_RETRY_MAX_MS", default: .seconds(300))
        verifySweepInterval = try environment.milliseconds("BEIAN_VERIFY_SWEEP_MS", default: .seconds(60))
        if let text = environment.get("BEIAN_TODAY") {
            guard let date = try? CivilDate(iso: text) else {
                throw ConfigurationError(variable: "BEIAN_TODAY", rule: "must be a date YYYY-MM-DD, got \"\(text)\"")
            }
            fixedToday = date
        } else {
            fixedToday = nil
        }
        let perFile = try environment.integer("BEIAN_MATERIAL_MAX_BYTES", default: MaterialLimits.standard.perFile,
                                              in: 1...(1 << 30))
        let perFiling = try environment.integer("BEIAN_FILING_MATERIALS_MAX_BYTES",
                                                default: MaterialLimits.standard.perFiling, in: 1...(1 << 34))
        materialLimits = MaterialLimits(perFile: perFile, perFiling: perFiling)
        deadlineSweepInterval = try environment.milliseconds("BEIAN_DEADLINE_SWEEP_MS", default: .seconds(3600))
        peerIntakes = try Self.peers(settings: settings, ownOffice: office)
        let timing = environment.get("BEIAN_INTEGRITY_CHECK") ?? IntegrityCheckTiming.background.rawValue
        guard let integrityCheck = IntegrityCheckTiming(rawValue: timing) else {
            throw ConfigurationError(variable: "BEIAN_INTEGRITY_CHECK",
                                     rule: "must be background, open or off, got \"\(timing)\"")
        }
        self.integrityCheck = integrityCheck
    }
}

/// When intake checks its database file with `PRAGMA quick_check` (the check reads the whole file:
/// seconds per gigabyte).
package enum IntegrityCheckTiming: String, Sendable, CaseIterable {
    /// After start, while serving; damage is logged and marks health NOT_SERVING.
    case background
    /// Before serving; damage refuses the start.
    case open
    /// Not checked (backups and restores still check their copies).
    case off
}
