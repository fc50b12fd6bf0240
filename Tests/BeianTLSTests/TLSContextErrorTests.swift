import BeianTLS
import Foundation
import TestSupport
import Testing

@Suite("TLS context errors name the file and keep OpenSSL's words")
struct TLSContextErrorTests {
    let certificates = TestCertificates.shared

    /// Builds a context and returns the error it threw (failing the test if it threw none).
    private func failure(_ configuration: TLSConfiguration) throws -> TLSError {
        do {
            _ = try TLSContext(configuration)
        } catch {
            return error
        }
        Issue.record("expected TLSContext to throw")
        throw TLSError(.configuration, "no error")
    }

    private func garbageFile(_ directory: TemporaryDirectory, _ name: String) throws -> String {
        let path = directory.file(name)
        try Data("这不是证书 not a PEM file\n".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a missing certificate file")
    func missingCertificate() throws {
        let error = try failure(.server(certificateChainFile: "/nonexistent/beian/server.pem",
                                        privateKeyFile: certificates.server.privateKey))
        #expect(error.code == .certificateFile)
        #expect(error.message.contains("/nonexistent/beian/server.pem"))
        #expect(error.reason == "No such file or directory")
        #expect(!error.openSSLMessages.isEmpty)
    }

    @Test("a certificate file that is not PEM")
    func garbageCertificate() throws {
        let directory = try TemporaryDirectory()
        let path = try garbageFile(directory, "server.pem")
        let error = try failure(.server(certificateChainFile: path, privateKeyFile: certificates.server.privateKey))
        #expect(error.code == .certificateFile)
        #expect(error.message.contains(path))
        #expect(error.description.contains("no start line"))
    }

    @Test("a missing or garbage private key file")
    func badKey() throws {
        let directory = try TemporaryDirectory()
        for path in ["/nonexistent/server.key", try garbageFile(directory, "server.key")] {
            let error = try failure(.server(certificateChainFile: certificates.server.certificate, privateKeyFile: path))
            #expect(error.code == .privateKeyFile)
            #expect(error.message.contains(path))
        }
    }

    @Test("a private key that belongs to another certificate")
    func mismatchedKey() throws {
        let error = try failure(.server(certificateChainFile: certificates.server.certificate,
                                        privateKeyFile: certificates.client.privateKey))
        #expect(error.code == .privateKeyFile)
        #expect(error.message.contains(certificates.client.privateKey))
        #expect(error.description.contains("key values mismatch"))
    }

    @Test("a missing or garbage CA file, on either side")
    func badCAFile() throws {
        let directory = try TemporaryDirectory()
        for path in ["/nonexistent/ca.pem", try garbageFile(directory, "ca.pem")] {
            let client = try failure(.client(trustRootsFile: path))
            #expect(client.code == .certificateFile)
            #expect(client.message.contains(path))
            let server = try failure(.server(
                certificateChainFile: certificates.server.certificate, privateKeyFile: certificates.server.privateKey,
                clientCAFile: path, requireClientCertificate: true))
            #expect(server.code == .certificateFile)
        }
    }

    @Test("settings that cannot work together")
    func impossibleSettings() throws {
        let noCA = try failure(.server(
            certificateChainFile: certificates.server.certificate, privateKeyFile: certificates.server.privateKey,
            requireClientCertificate: true))
        #expect(noCA.code == .configuration)
        let certificateWithoutKey = try failure(.client(
            trustRootsFile: certificates.caFile, certificateChainFile: certificates.client.certificate))
        #expect(certificateWithoutKey.code == .configuration)
        var serverWithoutCertificate = certificates.serverConfiguration()
        serverWithoutCertificate.certificateChainFile = nil
        serverWithoutCertificate.privateKeyFile = nil
        #expect(try failure(serverWithoutCertificate).code == .configuration)
    }

    @Test("errors compare by code, and describe themselves fully")
    func errorShape() {
        let error = TLSError(.handshakeFailed, "TLS handshake failed", reason: "unsupported protocol",
                             openSSLMessages: ["error:0A000102:SSL routines::unsupported protocol"])
        #expect(error == TLSError(.handshakeFailed))
        #expect(error != TLSError(.peerCertificateRejected))
        #expect(error.description.contains("handshakeFailed"))
        #expect(error.description.contains("unsupported protocol"))
        #expect(error.description.contains("error:0A000102"))
    }
}
