import BeianJSON
import BeianModel
import BeianRPC
import BeianRuntime
import BeianServiceKit
import BeianTLS
import Foundation
import IntakeService
import TestSupport

/// Intake run in process for one test: a real identity server (mutual TLS) on loopback, intake's
/// runtime with its own state directory (real SQLite, real field key), and intake's methods on a
/// test server that operators reach without a certificate and staff with theirs.
struct IntakeHarness {
    let runtime: IntakeRuntime
    let server: TestServer
    let state: TemporaryDirectory
    let office: String

    /// Intake of `office` on `today`, with identity at `identityPort` (an identity server is
    /// started there unless `startIdentity` is false), on `state` (a new directory unless given:
    /// pass an earlier run's to restart on its data).
    static func with<T>(
        office: String, today: String, identityPort: Int? = nil, startIdentity: Bool = true,
        extra: [String: String] = [:], state: TemporaryDirectory? = nil, _ body: (IntakeHarness) async throws -> T
    ) async throws -> T {
        if startIdentity {
            return try await withTestServer(services: [StandInIdentityService.service()], configure: { configuration in
                if let identityPort { configuration.port = identityPort }
            }) { identity in
                try await run(office: office, today: today, identityPort: identity.address.port, extra: extra,
                              state: state, body)
            }
        }
        return try await run(office: office, today: today, identityPort: identityPort ?? 9, extra: extra, state: state,
                             body)
    }

    private static func run<T>(office: String, today: String, identityPort: Int, extra: [String: String],
                               state existing: TemporaryDirectory?,
                               _ body: (IntakeHarness) async throws -> T) async throws -> T {
        let state = try existing ?? TemporaryDirectory(prefix: "intake-test")
        let runtime = try await IntakeRuntime.start(
            settings: try settings(office: office, today: today, identityPort: identityPort, state: state.path,
                                   extra: extra),
            logger: Logger(label: "intake-test", handler: InMemoryLogHandler(), minimumLevel: .info))
        do {
            let result = try await withTestServer(services: runtime.services, requireClientCertificate: false) { server in
                do {
                    return try await body(IntakeHarness(runtime: runtime, server: server, state: state, office: office))
                } catch {
                    // Unexpected server-side errors are logged, never sent: show them with the failure.
                    for line in server.logs.lines where line.contains("\"error\"") { print("intake log: \(line)") }
                    throw error
                }
            }
            await runtime.shutdown()
            return result
        } catch {
            await runtime.shutdown()
            throw error
        }
    }

    /// Intake's settings as the `intake` executable would read them from its environment.
    static func settings(office: String, today: String?, identityPort: Int, state: String,
                         extra: [String: String] = [:]) throws -> ServiceSettings {
        let certificate = try TestCertificates.shared.serviceCertificate(name: "intake", office: office)
        var values = [
            "BEIAN_TLS_CERT": certificate.certificate, "BEIAN_TLS_KEY": certificate.privateKey,
            "BEIAN_TLS_CA": TestCertificates.shared.caFile, "BEIAN_STATE_DIR": state, "BEIAN_OFFICE": office,
            "BEIAN_IDENTITY_ADDRESS": "127.0.0.1:\(identityPort)",
            // Generous: on a loaded machine a first TLS handshake to identity can take seconds, and a
            // check that times out stores the filing as pending (a different audit trail).
            "BEIAN_IDENTITY_TIMEOUT_MS": "10000",
            "BEIAN_VERIFY_RETRY_MS": "100", "BEIAN_VERIFY_RETRY_MAX_MS": "400",
        ]
        if let today { values["BEIAN_TODAY"] = today }
        for (key, value) in extra { values[key] = value }
        return try ServiceSettings(service: "intake", defaultPort: 0, defaultClientCertificates: .optional,
                                   environment: Environment(values))
    }

    // MARK: Clients

    /// An operator's client (no certificate).
    func operatorClient() throws -> RPCClient { try server.client(identity: nil) }

    /// A staff member's client: `role` of `organization` (default: this office).
    func staffClient(_ role: String = "clerk", name: String = "王科长", organization: String? = nil) throws -> RPCClient {
        try server.client(identity: TestCertificates.shared.clientCertificate(
            commonName: name, organization: organization ?? office, organizationalUnit: role))
    }

    var clock: IntakeClock { runtime.clock }

    func setToday(_ date: String) throws {
        clock.set(today: try CivilDate(iso: date))
    }

    /// The database file and its WAL, as bytes.
    func databaseBytes() -> [UInt8] {
        let path = runtime.configuration.databasePath
        return [path, path + "-wal"].flatMap { file in
            FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? []
        }
    }

    /// Every audit entry as (actor, action, subject, details).
    func auditEntries() async throws -> [(actor: String, action: String, subject: String, details: String)] {
        try await runtime.store.read { db in
            try db.fetchAll("SELECT actor, action, subject, details FROM beian_audit_log ORDER BY seq").map { row in
                (try row.decode(String.self, at: 0), try row.decode(String.self, at: 1),
                 try row.decode(String.self, at: 2), try row.decode(String.self, at: 3))
            }
        }
    }
}

/// Typed calls of `beian.intake.v1.Intake`.
extension RPCClient {
    static let intake = "beian.intake.v1.Intake/"

    func call<Request: Encodable, Response: Decodable>(
        _ method: String, _ request: Request, as: Response.Type = Response.self, metadata: [String: String] = [:]
    ) async throws -> Response {
        try await unary(Self.intake + method, request: request, as: Response.self,
                        options: CallOptions(metadata: metadata, timeout: .seconds(30)))
    }

    func submit(_ submission: FilingSubmission, key: String? = nil) async throws -> SubmissionReceipt {
        try await call("SubmitFiling", submission, metadata: key.map { ["idempotency-key": $0] } ?? [:])
    }

    /// As the operator of `receipt`.
    func asOperator<Request: Encodable, Response: Decodable>(
        _ receipt: SubmissionReceipt, _ method: String, _ request: Request, as: Response.Type = Response.self
    ) async throws -> Response {
        try await call(method, request, metadata: ["filing-id": receipt.filingId, "access-code": receipt.accessCode])
    }

    func get(_ id: String, reveal: Bool? = nil) async throws -> FilingView {
        try await call("GetFiling", GetFilingRequest(filingId: id, revealPersonalNumbers: reveal))
    }

    func review(_ id: String, _ decision: String, reason: String? = nil,
                corrections: [CorrectionRequest]? = nil) async throws -> FilingOutcome {
        try await call("ReviewFiling", ReviewFilingRequest(filingId: id, decision: decision, reason: reason,
                                                           corrections: corrections))
    }

    func list(_ request: ListFilingsRequest = ListFilingsRequest()) async throws -> ListFilingsResponse {
        try await call("ListFilings", request)
    }
}

/// Waits (polling) until `condition` holds or `seconds` pass; returns whether it held.
func eventually(seconds: Double = 20, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(100))
    }
    return try await condition()
}
