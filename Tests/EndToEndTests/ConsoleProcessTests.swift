import BeianJSON
import Foundation
import Testing
import TestSupport

/// The `beian` command-line client run as a process against a real service process.
@Suite("beian call, health, describe, certs")
struct ConsoleProcessTests {
    static func run(_ arguments: [String], identity: ServiceProcess, certificate: CertificateFiles? = TestCertificates.shared.client) async throws -> ProcessRunner.Output {
        var all = arguments
        all.insert("127.0.0.1:\(identity.port)", at: 1)
        all += ["--ca", TestCertificates.shared.caFile, "--server-name", "127.0.0.1"]
        if let certificate { all += ["--cert", certificate.certificate, "--key", certificate.privateKey] }
        return try await ProcessRunner.run(try ServiceProcess.executable("beian"), arguments: all)
    }

    @Test("health, describe and call, with readable errors and status-code exit codes")
    func callsAgainstIdentity() async throws {
        let state = try TemporaryDirectory(prefix: "e2e-console")
        let identity = try await ServiceProcess("identity", environment: ServiceEnvironment.make(service: "identity", stateDirectory: state.path))
        defer { Task { await identity.terminate() } }

        let health = try await Self.run(["health"], identity: identity)
        #expect(health.exitCode == 0)
        #expect(health.standardOutput == "SERVING\n")

        let services = try await Self.run(["describe"], identity: identity)
        #expect(services.standardOutput.contains("beian.identity.v1.Identity"))
        let methods = try await Self.run(["describe", "beian.echo.v1.Echo"], identity: identity)
        #expect(methods.standardOutput.contains("Expand (server_streaming)"))

        let expand = try await Self.run(["call", "beian.echo.v1.Echo/Expand", "-d", #"{"text":"开平","count":2}"#], identity: identity)
        #expect(expand.exitCode == 0)
        #expect(expand.standardOutput.components(separatedBy: "开平").count == 3)

        let bad = try await Self.run(["call", "beian.echo.v1.Echo/Sleep", "-d", #"{"milliseconds":"x"}"#, "--lang", "en"], identity: identity)
        #expect(bad.exitCode == 3)
        #expect(bad.standardError.contains("INVALID_ARGUMENT"))
        #expect(bad.standardError.contains("milliseconds"))

        let unknown = try await Self.run(["call", "beian.nothing.v1.Nothing/Do"], identity: identity)
        #expect(unknown.exitCode == 12)
        #expect(unknown.standardError.contains("UNIMPLEMENTED"))

        let noCertificate = try await Self.run(["health"], identity: identity, certificate: nil)
        #expect(noCertificate.exitCode == 16, "UNAUTHENTICATED: \(noCertificate.standardError)")
        #expect(noCertificate.standardError.contains("--cert"))

        let usage = try await ProcessRunner.run(try ServiceProcess.executable("beian"), arguments: ["call"])
        #expect(usage.exitCode == 2)
        #expect(usage.standardError.contains("missing ADDR"))
    }

    @Test("certs init makes a CA, service and staff certificates that a service accepts")
    func certsInit() async throws {
        let directory = try TemporaryDirectory(prefix: "e2e-certs")
        let made = try await ProcessRunner.run(try ServiceProcess.executable("beian"), arguments: [
            "certs", "init", "--dir", directory.path, "--office", "４４０７８３", "--service", "identity", "--staff", "林先生:clerk",
        ])
        #expect(made.exitCode == 0, "\(made.standardError)")
        let key = try FileManager.default.attributesOfItem(atPath: directory.file("identity.key"))
        #expect((key[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let identity = try await ServiceProcess("identity", environment: [
            "BEIAN_PORT": "0", "BEIAN_TLS_CERT": directory.file("identity.pem"), "BEIAN_TLS_KEY": directory.file("identity.key"),
            "BEIAN_TLS_CA": directory.file("ca.pem"), "BEIAN_STATE_DIR": directory.file("state"),
        ])
        defer { Task { await identity.terminate() } }
        let health = try await ProcessRunner.run(try ServiceProcess.executable("beian"), arguments: [
            "health", "127.0.0.1:\(identity.port)", "--ca", directory.file("ca.pem"),
            "--cert", directory.file("staff-clerk-1.pem"), "--key", directory.file("staff-clerk-1.key"),
        ])
        #expect(health.standardOutput == "SERVING\n", "\(health.standardError)")
        let again = try await ProcessRunner.run(try ServiceProcess.executable("beian"), arguments: [
            "certs", "init", "--dir", directory.path, "--office", "440783", "--service", "identity",
        ])
        #expect(again.standardOutput.contains("kept"))
    }
}
