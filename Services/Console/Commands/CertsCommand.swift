import BeianModel
import BeianTLS
import Foundation

/// `beian certs init|issue`: an office's certificate authority and the certificates of its
/// services and staff (P-256, TLS 1.3). Subjects: CN = name, O = office code, OU = role or service.
enum CertsCommand: ConsoleCommand {
    static let name = "certs"
    static let summary = "create an office CA and certificates: beian certs init --dir DIR --office CODE ..."
    static let usage = """
        beian certs init --dir DIR --office CODE [--service NAME]... [--staff NAME:ROLE[:OFFICE]]...
                         [--host NAME_OR_IP]... [--force]
            Creates DIR/ca.pem + ca.key (or reuses them), a certificate for each service (server and
            client use, valid for localhost, 127.0.0.1 and each --host) as DIR/NAME.pem + .key, and a
            client certificate for each staff member as DIR/staff-ROLE-N.pem + .key
            (ROLE: clerk, head, auditor; OFFICE defaults to --office). Existing files are kept
            unless --force.

        beian certs issue --dir DIR --name NAME --office CODE --unit ROLE_OR_SERVICE --out PREFIX
                          [--host NAME_OR_IP]... [--days N]
            Issues one more certificate from DIR's CA as PREFIX.pem + PREFIX.key.
        """

    static func run(_ raw: [String]) async throws -> Int32 {
        guard let sub = raw.first else { throw ConsoleError.usage(zh: "certs 后面要给 init 或 issue", en: "certs needs init or issue") }
        let arguments = try Arguments(Array(raw.dropFirst()),
                                      options: ["dir", "office", "service", "staff", "host", "name", "unit", "out", "days"],
                                      flags: ["force"])
        let output = Output()
        guard let dir = arguments.value("dir") else {
            throw ConsoleError.usage(zh: "需要 --dir DIR（证书放在哪个目录）", en: "--dir DIR is required")
        }
        guard let office = arguments.value("office").map(TextNormalization.code), office.count == 6, Int(office) != nil else {
            throw ConsoleError.usage(zh: "--office 应为6位网信办（行政区划）代码", en: "--office must be a 6-digit office (division) code")
        }
        do {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw ConsoleError.failure(zh: "无法建立目录\(dir)：\(error.localizedDescription)",
                                           en: "cannot create the directory \(dir): \(error.localizedDescription)")
            }
            let authority = try loadOrCreateAuthority(dir: dir, office: office, output: output)
            let hosts = ["localhost", "127.0.0.1"] + arguments.all("host")
            switch sub {
            case "init":
                for service in arguments.all("service") {
                    let name = TextNormalization.text(service)
                    try issue(authority, dir: dir, file: name, subject: CertificateSubject(commonName: name, organization: office, organizationalUnit: name),
                              hosts: hosts, usage: .serverAndClient, days: 825, force: arguments.flag("force"), output: output)
                }
                var counters: [String: Int] = [:]
                for entry in arguments.all("staff") {
                    let parts = entry.split(separator: ":", omittingEmptySubsequences: false).map { TextNormalization.text(String($0)) }
                    guard parts.count >= 2, ["clerk", "head", "auditor"].contains(parts[1]), !parts[0].isEmpty else {
                        throw ConsoleError.usage(
                            zh: "--staff 应为 NAME:ROLE[:OFFICE]（姓名:角色[:网信办代码]），ROLE 为 clerk、head 或 auditor，而不是“\(entry)”",
                            en: "--staff must be NAME:ROLE[:OFFICE] with ROLE clerk, head or auditor; got \"\(entry)\"")
                    }
                    let staffOffice = parts.count > 2 ? parts[2] : office
                    counters[parts[1], default: 0] += 1
                    try issue(authority, dir: dir, file: "staff-\(parts[1])-\(counters[parts[1]]!)",
                              subject: CertificateSubject(commonName: parts[0], organization: staffOffice, organizationalUnit: parts[1]),
                              hosts: [], usage: .client, days: 825, force: arguments.flag("force"), output: output)
                }
            case "issue":
                guard let name = arguments.value("name"), let unit = arguments.value("unit"), let out = arguments.value("out") else {
                    throw ConsoleError.usage(zh: "issue 需要 --name、--unit 和 --out", en: "issue needs --name, --unit and --out")
                }
                let days = try arguments.integer("days") ?? 825
                let isService = ["intake", "identity", "approvals", "sanctions"].contains(unit)
                try issue(authority, dir: (out as NSString).deletingLastPathComponent, file: (out as NSString).lastPathComponent,
                          subject: CertificateSubject(commonName: TextNormalization.text(name), organization: office, organizationalUnit: unit),
                          hosts: isService ? hosts : [], usage: isService ? .serverAndClient : .client, days: days, force: true, output: output)
            default:
                throw ConsoleError.usage(zh: "certs 后面应为 init 或 issue，而不是“\(sub)”", en: "certs needs init or issue, got \"\(sub)\"")
            }
            return 0
        } catch let error as TLSError {
            throw ConsoleError.failure(zh: "无法读取或生成证书：\(error)", en: "cannot read or make the certificates: \(error)")
        }
    }

    private static func loadOrCreateAuthority(dir: String, office: String, output: Output) throws -> CertificateAuthority {
        let certificate = (dir as NSString).appendingPathComponent("ca.pem")
        let key = (dir as NSString).appendingPathComponent("ca.key")
        if FileManager.default.fileExists(atPath: certificate) {
            return try CertificateAuthority(certificateFile: certificate, privateKeyFile: key)
        }
        let authority = try CertificateAuthority.create(
            subject: CertificateSubject(commonName: "Beian office CA \(office)", organization: office, organizationalUnit: "ca"),
            notAfter: Date(timeIntervalSinceNow: 10 * 365 * 86_400))
        try authority.write(certificateFile: certificate, privateKeyFile: key)
        output.line("created \(certificate)")
        return authority
    }

    private static func issue(
        _ authority: CertificateAuthority, dir: String, file: String, subject: CertificateSubject, hosts: [String],
        usage: CertificateUsage, days: Int, force: Bool, output: Output
    ) throws {
        let certificate = (dir as NSString).appendingPathComponent("\(file).pem")
        let key = (dir as NSString).appendingPathComponent("\(file).key")
        if !force && FileManager.default.fileExists(atPath: certificate) {
            output.line("kept    \(certificate)")
            return
        }
        let names: [SubjectAlternativeName] = hosts.map { host in
            host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? .ipAddress(host) : .dnsName(host)
        }
        let issued = try authority.issue(subject: subject, alternativeNames: names, usage: usage,
                                         notAfter: Date(timeIntervalSinceNow: Double(days) * 86_400))
        try issued.write(certificateFile: certificate, privateKeyFile: key)
        output.line("created \(certificate)  (\(subject))")
    }
}
