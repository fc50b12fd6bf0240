import Foundation
import TestSupport

/// Runs the `beian` executable as a process against an office's intake, as a staff member would.
struct BeianCLI {
    let office: IntakeOffice
    /// The staff certificate used (nil: none, as an operator).
    var certificate: CertificateFiles?

    /// A clerk of the office.
    static func clerk(_ office: IntakeOffice, name: String = "导入科员") throws -> BeianCLI {
        BeianCLI(office: office, certificate: try TestCertificates.shared.clientCertificate(
            commonName: name, organization: office.office, organizationalUnit: "clerk"))
    }

    /// The head of the office (科长): another staff member than the clerk.
    static func head(_ office: IntakeOffice, name: String = "王科长") throws -> BeianCLI {
        BeianCLI(office: office, certificate: try TestCertificates.shared.clientCertificate(
            commonName: name, organization: office.office, organizationalUnit: "head"))
    }

    /// An operator (no certificate).
    static func anonymous(_ office: IntakeOffice) -> BeianCLI { BeianCLI(office: office, certificate: nil) }

    /// `beian filing ARGS` with the intake address (BEIAN_INTAKE), the CA and the certificate.
    func filing(_ arguments: [String], input: String? = nil) async throws -> ProcessRunner.Output {
        try await ProcessRunner.run(try ServiceProcess.executable("beian"), arguments: ["filing"] + arguments,
                                    environment: environment, input: input)
    }

    /// `beian filing ARGS | READER` in bash: the exit status is beian's as the shell reports it
    /// (141 when SIGPIPE ended it); standard error is beian's.
    func filing(_ arguments: [String], pipedInto reader: String) async throws -> ProcessRunner.Output {
        let script = "\"$@\" | \(reader) >/dev/null; exit ${PIPESTATUS[0]}"
        return try await ProcessRunner.run("/bin/bash", arguments: ["-c", script, "bash",
                                                                   try ServiceProcess.executable("beian"), "filing"]
                                               + arguments, environment: environment)
    }

    /// The environment of a `beian` process: the intake address (BEIAN_INTAKE), the CA, the certificate.
    private var environment: [String: String] {
        var environment = ["LANG": "C.UTF-8", "HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin",
                           "BEIAN_INTAKE": office.intakeAddress, "BEIAN_CA": TestCertificates.shared.caFile]
        if let certificate {
            environment["BEIAN_CERT"] = certificate.certificate
            environment["BEIAN_KEY"] = certificate.privateKey
        }
        return environment
    }
}

extension ProcessRunner.Output {
    /// Standard output's lines.
    var lines: [String] { standardOutput.split(separator: "\n").map(String.init) }

    /// The report line of spreadsheet row `row` (`第N行 ...` or `row N ...`).
    func row(_ row: Int) -> String? {
        lines.first { $0.hasPrefix("第\(row)行 ") || $0.hasPrefix("row \(row) ") }
    }

    /// The report of row `row` with its indented reason lines.
    func rowBlock(_ row: Int) -> String {
        guard let start = lines.firstIndex(where: { $0.hasPrefix("第\(row)行 ") || $0.hasPrefix("row \(row) ") }) else {
            return ""
        }
        let reasons = lines[(start + 1)...].prefix { $0.hasPrefix("    ") }
        return ([lines[start]] + reasons).joined(separator: "\n")
    }
}
