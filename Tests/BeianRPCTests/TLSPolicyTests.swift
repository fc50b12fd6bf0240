import BeianJSON
import BeianRPC
import BeianTLS
import Foundation
import Testing
import TestSupport

@Suite("TLS policy on a live server")
struct TLSPolicyTests {
    @Test("the handler sees the verified client identity: name, office code, role")
    func peerIdentity() async throws {
        let probe = ProbeService()
        try await withTestServer(services: [probe.service]) { server in
            let identity = try TestCertificates.shared.clientCertificate(commonName: "王科长", organization: "130500", organizationalUnit: "head")
            let client = try server.client(identity: identity)
            let answer = try await client.unary("test.v1.Probe/Whoami", request: ProbeService.WaitRequest(tag: "w"), as: ProbeService.WaitResponse.self)
            #expect(answer.peer == "王科长")
            #expect(answer.organization == "130500")
        }
    }

    @Test("mutual TLS refuses a client without a certificate, from a wrong CA, or expired (UNAUTHENTICATED); each is logged", arguments: [
        ("none", "peer did not return a certificate"),
        ("wrong-ca", "unable to get local issuer certificate"),
        ("expired", "certificate has expired"),
    ])
    func refusedClients(kind: String, reason: String) async throws {
        try await withTestServer { server in
            let identity: CertificateFiles? = switch kind {
            case "wrong-ca": TestCertificates.shared.wrongCAClient
            case "expired": TestCertificates.shared.expiredClient
            default: nil
            }
            let client = try server.client(identity: identity)
            let error = try #require(await capturedRPCError { try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:]) })
            #expect(error.code == .unauthenticated, "the server refused our credentials: \(error)")
            try await Task.sleep(for: .milliseconds(100))
            #expect(server.logs.lines.contains { $0.contains("TLS handshake failed") && $0.contains(reason) }, "\(server.logs.lines)")
        }
    }

    @Test("a TLS 1.2-only client is refused")
    func tls12Refused() async throws {
        try await withTestServer { server in
            let client = try server.client { configuration in configuration.tls.maximumVersionForTesting = .tls12 }
            let error = try #require(await capturedRPCError { try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:]) })
            #expect(error.code == .unavailable)
            try await Task.sleep(for: .milliseconds(100))
            #expect(server.logs.lines.contains { $0.contains("TLS handshake failed") })
        }
    }

    @Test("a client refuses a server whose certificate does not name the host it dialled")
    func hostNameVerified() async throws {
        try await withTestServer { server in
            let client = try server.client { configuration in configuration.tls.serverName = "identity.other-office.example" }
            let error = try #require(await capturedRPCError { try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:]) })
            #expect(error.code == .unavailable)
            #expect(error.message.contains("hostname mismatch") || error.message.contains("handshake"), "\(error.message)")
        }
    }

    @Test("without mutual TLS a client with no certificate is served, with no peer identity")
    func serverOnlyTLS() async throws {
        let probe = ProbeService()
        try await withTestServer(services: [probe.service], requireClientCertificate: false) { server in
            let client = try server.client(identity: nil)
            let answer = try await client.unary("test.v1.Probe/Whoami", request: ProbeService.WaitRequest(tag: "w"), as: ProbeService.WaitResponse.self)
            #expect(answer.peer == nil)
        }
    }
}
