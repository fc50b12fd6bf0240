import BeianModel
import BeianRPC
import BeianRuntime
import BeianStore

/// The intake service (备案受理): filings from submission to filing number, changes and closures,
/// for one office, run entirely from the office's policy profile.
///
/// Methods are grouped by concern, each group an extension in `Handlers/` returning its
/// `RPCMethod`s; `methods` (in `IntakeService+Methods.swift`) lists the groups. Handlers only
/// decode, authorize, call the logic (`Logic/`), store (`Storage/`) and encode.
package struct IntakeService: Sendable {
    /// The RPC service name.
    package static let name = "beian.intake.v1.Intake"

    /// The office's policy profile.
    package let profile: PolicyProfile
    /// The working-day calendar.
    package let calendar: WorkingDayCalendar
    /// Filings in the database.
    package let repository: FilingRepository
    /// The identity service.
    package let identity: IdentityVerifier
    /// "Now" and "today".
    package let clock: IntakeClock
    /// Service logger.
    package let logger: Logger
    /// Wakes the pending-verification job (after a filing was stored as pending).
    package let wakeVerifier: @Sendable () -> Void
    /// Uploaded materials (blobs and attachments).
    package let materials: MaterialRepository
    /// Limits on uploads.
    package let materialLimits: MaterialLimits
    /// Other offices' intake services (transfers).
    package let peers: PeerIntakes

    /// Creates the service from its parts (see `IntakeRuntime.start` for the standard assembly).
    package init(profile: PolicyProfile, calendar: WorkingDayCalendar, repository: FilingRepository,
                 identity: IdentityVerifier, clock: IntakeClock, logger: Logger,
                 wakeVerifier: @escaping @Sendable () -> Void, materials: MaterialRepository,
                 materialLimits: MaterialLimits = .standard, peers: PeerIntakes = PeerIntakes()) {
        self.profile = profile
        self.calendar = calendar
        self.repository = repository
        self.identity = identity
        self.clock = clock
        self.logger = logger
        self.wakeVerifier = wakeVerifier
        self.materials = materials
        self.materialLimits = materialLimits
        self.peers = peers
    }

    /// The office's division code.
    package var officeCode: String { profile.officeCode }

    /// The database.
    package var store: Store { repository.store }

    /// The RPC service with every method.
    package var rpcService: RPCService {
        RPCService(name: Self.name, summary: "备案受理 intake: scope, submission, review, changes and closures of "
                   + "filings; materials, exports, statistics, deadlines and transfers",
                   methods: methods)
    }
}
