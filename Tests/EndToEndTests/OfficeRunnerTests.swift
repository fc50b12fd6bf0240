import Foundation
import Glibc
import Testing
import TestSupport

/// `deploy/office`, the office runner, on what it does without building: the office a folder
/// belongs to, and `status`. Services are the real executables, started by the test in a folder
/// laid out as the runner lays it out (never on the default ports).
@Suite("deploy/office, the office runner")
struct OfficeRunnerTests {
    /// The repository's `deploy/office`.
    static let runner = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/office").path

    static func run(_ arguments: [String], _ environment: [String: String]) async throws -> ProcessRunner.Output {
        var values = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8",
                      "BEIAN_BUILD": "debug"]
        for (key, value) in environment { values[key] = value }
        return try await ProcessRunner.run(runner, arguments: arguments, environment: values)
    }

    @Test("start refuses a folder made for another office, says how, and starts nothing",
          arguments: ["marker", "certificate"])
    func refusesAnotherOfficesFolder(recordedBy: String) async throws {
        let root = try TemporaryDirectory(prefix: "runner-office")
        let folder = root.file("office")
        try FileManager.default.createDirectory(atPath: folder + "/certs", withIntermediateDirectories: true)
        if recordedBy == "marker" {
            try "611000\n".write(toFile: folder + "/office", atomically: true, encoding: .utf8)
        } else {
            // A folder made before the runner recorded its office: its intake certificate names it.
            let intake = try TestCertificates.shared.serviceCertificate(name: "intake", office: "611000")
            try FileManager.default.copyItem(atPath: intake.certificate, toPath: folder + "/certs/intake.pem")
        }
        let result = try await Self.run(["start"], ["BEIAN_OFFICE": "130500", "BEIAN_OFFICE_DIR": folder,
                                                    "BEIAN_IDENTITY_PORT": "9", "BEIAN_INTAKE_PORT": "9"])
        #expect(result.exitCode == 3, "\(result.standardError)")
        #expect(result.standardError.contains("belongs to office 611000"), "\(result.standardError)")
        #expect(result.standardError.contains("BEIAN_OFFICE=130500 BEIAN_OFFICE_DIR=\(folder)-130500"))
        #expect(result.standardError.contains("rm -rf \(folder)"))
        #expect(!result.standardOutput.contains("building"), "refused before building")
        #expect(!FileManager.default.fileExists(atPath: folder + "/run"), "nothing was started")
    }

    @Test("start refuses an office code that is not 6 digits before building; logs refuses an unknown service")
    func refusesMalformedInput() async throws {
        let root = try TemporaryDirectory(prefix: "runner-input")
        let folder = root.file("office")
        let start = try await Self.run(["start"], ["BEIAN_OFFICE": "abc", "BEIAN_OFFICE_DIR": folder])
        #expect(start.exitCode == 2, "\(start.standardError)")
        #expect(start.standardError.contains("BEIAN_OFFICE must be a 6-digit office (division) code such as 611000, not \"abc\""),
                "\(start.standardError)")
        #expect(!start.standardOutput.contains("building"), "refused before building")
        #expect(!FileManager.default.fileExists(atPath: folder), "nothing was made")

        let logs = try await Self.run(["logs", "nosuch"], ["BEIAN_OFFICE_DIR": folder])
        #expect(logs.exitCode == 2)
        #expect(logs.standardError.contains("no service \"nosuch\"; the services are: identity intake"), "\(logs.standardError)")
    }

    @Test("status prints one line per service, SERVING or NOT RUNNING with why, and fails when one is down")
    func status() async throws {
        let root = try TemporaryDirectory(prefix: "runner-status")
        let folder = root.file("office")
        for sub in ["certs", "run", "state/identity", "state/intake", "logs"] {
            try FileManager.default.createDirectory(atPath: "\(folder)/\(sub)", withIntermediateDirectories: true)
        }
        let head = try TestCertificates.shared.clientCertificate(
            commonName: "网信办负责人", organization: "611000", organizationalUnit: "head")
        try FileManager.default.copyItem(atPath: TestCertificates.shared.caFile, toPath: folder + "/certs/ca.pem")
        try FileManager.default.copyItem(atPath: head.certificate, toPath: folder + "/certs/staff-head-1.pem")
        try FileManager.default.copyItem(atPath: head.privateKey, toPath: folder + "/certs/staff-head-1.key")
        try "611000\n".write(toFile: folder + "/office", atomically: true, encoding: .utf8)

        let identity = try await ServiceProcess("identity", environment: ServiceEnvironment.make(
            service: "identity", stateDirectory: folder + "/state/identity"))
        let intake = try await ServiceProcess("intake", environment: ServiceEnvironment.make(
            service: "intake", stateDirectory: folder + "/state/intake",
            extra: ["BEIAN_IDENTITY_ADDRESS": identity.address]))
        try "\(identity.process.pid)\n".write(toFile: folder + "/run/identity.pid", atomically: true, encoding: .utf8)
        try "\(intake.process.pid)\n".write(toFile: folder + "/run/intake.pid", atomically: true, encoding: .utf8)
        let environment = ["BEIAN_OFFICE_DIR": folder, "BEIAN_IDENTITY_PORT": String(identity.port),
                           "BEIAN_INTAKE_PORT": String(intake.port)]

        let up = try await Self.run(["status"], environment)
        #expect(up.exitCode == 0, "\(up.standardOutput)\(up.standardError)")
        #expect(up.standardOutput == "identity   SERVING\nintake     SERVING\n")

        // A folder remembers the ports it was started with (`start` writes OFFICE_DIR/ports).
        try "identity=\(identity.port)\nintake=\(intake.port)\n".write(toFile: folder + "/ports", atomically: true, encoding: .utf8)
        let byFolder = try await Self.run(["status"], ["BEIAN_OFFICE_DIR": folder])
        #expect(byFolder.standardOutput == "identity   SERVING\nintake     SERVING\n", "\(byFolder.standardOutput)")

        await identity.kill9()
        let down = try await Self.run(["status"], environment)
        #expect(down.exitCode == 1)
        let lines = down.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(down.standardOutput)")
        #expect(lines.first?.hasPrefix("identity   NOT RUNNING (process \(identity.process.pid) has exited") == true,
                "\(down.standardOutput)")
        #expect(lines.last == "intake     SERVING")
        #expect(down.standardError.isEmpty, "\(down.standardError)")

        // A process that is there but does not answer on its port.
        try "\(getpid())\n".write(toFile: folder + "/run/identity.pid", atomically: true, encoding: .utf8)
        let silent = try await Self.run(["status"], environment)
        #expect(silent.exitCode == 1)
        #expect(silent.standardOutput.hasPrefix("identity   NOT RUNNING (pid \(getpid()) does not answer on "
            + "127.0.0.1:\(identity.port): "), "\(silent.standardOutput)")
        #expect(silent.standardOutput.contains("UNAVAILABLE"), "\(silent.standardOutput)")

        try FileManager.default.removeItem(atPath: folder + "/run/identity.pid")
        let never = try await Self.run(["status"], environment)
        #expect(never.exitCode == 1)
        #expect(never.standardOutput.hasPrefix("identity   NOT RUNNING (not started from \(folder)"))
        #expect(await intake.terminate() == 0)
    }
}
