import Foundation
import Testing
import TestSupport

/// The Python client printed in PROTOCOL.md is run, as written, against a live server: the spec's
/// example cannot drift from the implementation.
@Suite("PROTOCOL.md example client")
struct ProtocolSpecExampleTests {
    static var specPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Shared/RPC/PROTOCOL.md").path
    }

    /// The first ```python block of the spec.
    static func pythonClient() throws -> String {
        let spec = try String(contentsOfFile: specPath, encoding: .utf8)
        let start = try #require(spec.range(of: "```python\n"))
        let end = try #require(spec.range(of: "\n```", range: start.upperBound..<spec.endIndex))
        return String(spec[start.upperBound..<end.lowerBound])
    }

    @Test("the Python client in the spec talks to the server and prints the documented output")
    func pythonClientRuns() async throws {
        let source = try Self.pythonClient()
        let directory = try TemporaryDirectory(prefix: "spec-client")
        let script = directory.file("client.py")
        try source.write(toFile: script, atomically: true, encoding: .utf8)
        try await withTestServer { server in
            let certificates = TestCertificates.shared
            let output = try await ProcessRunner.run("/usr/bin/env", arguments: [
                "python3", script, "127.0.0.1", String(server.address.port), certificates.caFile,
                certificates.client.certificate, certificates.client.privateKey,
            ])
            #expect(output.exitCode == 0, "\(output.standardError)")
            #expect(output.standardOutput == "OK SERVING\nOK 3 商洛\nUNIMPLEMENTED unknown method beian.nothing.v1.Nothing/Do\n")
        }
    }
}
