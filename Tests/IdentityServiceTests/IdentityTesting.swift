import BeianJSON
import BeianModel
import BeianReferenceData
import BeianRPC
import BeianTLS
import IdentityService
import TestSupport

/// Shared fixtures of the identity service tests: the shipped division table, a service whose
/// "today" is fixed, and a real server on loopback with mutual TLS.
enum IdentityTesting {
    /// The bundled division table, loaded once.
    static let divisions: DivisionRegistry = {
        do { return try DivisionRegistry.loadBundled() } catch { fatalError("bundled division table: \(error)") }
    }()
    /// "Today" for every test: 2025-06-01.
    static let today = IdentityDate(year: 2025, month: 6, day: 1)!
    /// The service as shipped (name-to-number matching off), with the fixed today.
    static let service = IdentityService(divisions: divisions, today: { today })
    /// The validator the expectations are computed with.
    static var validator: IdentityValidator { service.validator }

    /// The intake service's certificate (OU intake): the usual caller.
    static var intake: CertificateFiles {
        get throws { try TestCertificates.shared.serviceCertificate(name: "intake") }
    }
    /// A clerk of office 611000 (OU clerk).
    static var clerk: CertificateFiles { TestCertificates.shared.client }
    /// An auditor (OU auditor).
    static var auditor: CertificateFiles {
        get throws { try TestCertificates.shared.clientCertificate(commonName: "审计员", organizationalUnit: "auditor") }
    }
    /// A certificate from the office CA whose OU is neither a service nor a staff role.
    static var stranger: CertificateFiles {
        get throws { try TestCertificates.shared.clientCertificate(commonName: "运营者", organizationalUnit: "operator") }
    }

    /// The check the service should answer for `value` checked as `kind` (nil: auto).
    static func expected(_ value: String, kind: IdentityKind? = nil) -> IdentityCheck {
        validator.validate(value, as: kind ?? .unrecognized, today: today)
    }
}

/// Runs `body` against a real identity server on loopback (TLS; mutual unless told otherwise)
/// with a client presenting `identity` (default: the intake service).
func withIdentityServer<T>(
    _ service: IdentityService = IdentityTesting.service, identity: CertificateFiles? = nil,
    requireClientCertificate: Bool = true, anonymous: Bool = false,
    _ body: (TestServer, RPCClient) async throws -> T
) async throws -> T {
    let identity = anonymous ? nil : try (identity ?? IdentityTesting.intake)
    return try await withTestServer(services: [service.rpcService], requireClientCertificate: requireClientCertificate) { server in
        let client = try server.client(identity: identity)
        defer { client.close() }
        return try await body(server, client)
    }
}

extension RPCClient {
    /// `Verify` through the typed contract.
    func verify(_ value: String?, kind: String? = nil) async throws(RPCError) -> IdentityCheck {
        try await unary(IdentityAPI.verify, request: IdentityVerifyRequest(kind: kind, value: value), as: IdentityCheck.self)
    }

    /// `VerifyBatch` through the typed contract.
    func verifyBatch(_ items: [IdentityBatchItem]) async throws(RPCError) -> IdentityBatchResponse {
        try await unary(IdentityAPI.verifyBatch, request: IdentityBatchRequest(items: items), as: IdentityBatchResponse.self,
                        options: CallOptions(timeout: .seconds(60)))
    }
}

extension IdentityCheck {
    /// The reason codes, in order.
    var reasonCodes: [String] { reasons.map(\.code.rawValue) }
    /// The warning codes, in order.
    var warningCodes: [String] { warnings.map(\.code.rawValue) }
}
