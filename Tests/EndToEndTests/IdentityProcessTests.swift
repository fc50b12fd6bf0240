import BeianJSON
import BeianModel
import BeianRPC
import Foundation
import Testing
import TestSupport

/// The real `identity` executable, called over mutual TLS and through `beian verify`.
@Suite("Identity process and beian verify")
struct IdentityProcessTests {
    /// Starts `identity` on an ephemeral port, runs `body`, and stops it with SIGTERM.
    func withIdentity<T>(extra: [String: String] = [:], _ body: (ServiceProcess) async throws -> T) async throws -> T {
        let state = try TemporaryDirectory(prefix: "e2e-identity")
        defer { state.remove() }
        let identity = try await ServiceProcess(
            "identity", environment: ServiceEnvironment.make(service: "identity", stateDirectory: state.path, extra: extra))
        do {
            let result = try await body(identity)
            #expect(await identity.terminate() == 0)
            return result
        } catch {
            await identity.terminate()
            throw error
        }
    }

    /// Runs `beian verify ARGS` against `identity` as the test clerk.
    func verify(_ identity: ServiceProcess, _ arguments: [String], certificate: Bool = true) async throws -> ProcessRunner.Output {
        let certificates = TestCertificates.shared
        var all = ["verify"] + arguments + ["--address", "127.0.0.1:\(identity.port)", "--ca", certificates.caFile]
        if certificate { all += ["--cert", certificates.client.certificate, "--key", certificates.client.privateKey] }
        return try await ProcessRunner.run(try ServiceProcess.executable("beian"), arguments: all,
                                           environment: ["LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()])
    }

    @Test("the process answers Verify over mutual TLS and logs the number only masked")
    func verifyOverTLS() async throws {
        try await withIdentity { identity in
            let client = try RPCClient(configuration: ClientConfiguration(
                host: "127.0.0.1", port: identity.port,
                tls: TestCertificates.shared.clientConfiguration(
                    identity: try TestCertificates.shared.serviceCertificate(name: "intake"), serverName: "127.0.0.1")))
            defer { client.close() }
            let check = try await client.unaryJSON("beian.identity.v1.Identity/Verify", message: ["value": "110105194912310021"]).message
            #expect(check["valid"] == false)
            #expect(check["reasons"]?.arrayValue?.first?["code"] == "bad_check_character")
            let regions = try await client.unaryJSON("beian.identity.v1.Identity/LookupRegion", message: ["query": "襄都区"]).message
            #expect(regions["regions"]?.arrayValue?.first?["code"] == "130502")
            let health = try await client.unaryJSON("grpc.health.v1.Health/Check", message: ["service": ""]).message
            #expect(health == ["status": "SERVING"])
            try await Task.sleep(for: .milliseconds(100))
            #expect(identity.logs.contains { $0.contains("division table loaded") })
            #expect(identity.logs.contains { $0.contains("110***********0021") })
            #expect(!identity.logs.contains { $0.contains("110105194912310021") })
        }
    }

    @Test("beian verify NUMBER: readable Chinese, English, JSON; exit 0 when all valid, 1 when not")
    func verifyNumbers() async throws {
        try await withIdentity { identity in
            let one = try await verify(identity, ["11010519491231002x"])
            #expect(one.exitCode == 0, "\(one.standardError)")
            #expect(one.standardOutput.contains("11010519491231002X  公民身份号码  有效"))
            #expect(one.standardOutput.contains("出生日期：1949-12-31"))
            #expect(one.standardOutput.contains("北京市朝阳区"))

            let two = try await verify(identity, ["11010519491231002X", "110105194912310021", "--lang", "en"])
            #expect(two.exitCode == 1)
            #expect(two.standardOutput.contains("resident identity number  invalid"))
            #expect(two.standardOutput.contains("check character at position 18 should be 'X', found '1'"))

            let xingtai = try await verify(identity, ["130502900307123"])
            #expect(xingtai.standardOutput.contains("河北省邢台市桥东区"))
            #expect(xingtai.standardOutput.contains("18 位号码："))

            let json = try await verify(identity, ["91350100M000100Y43", "--json"])
            #expect(json.exitCode == 0)
            let value = try JSONParser.parse(Array(json.standardOutput.utf8))
            #expect(value["kind"] == "unified_social_credit_code")
            #expect(value["organization"]?["organization_code"] == "M000100Y4")
        }
    }

    @Test("beian verify --file: per-row report with masked numbers, a summary, bad rows included")
    func verifyFile() async throws {
        let directory = try TemporaryDirectory(prefix: "e2e-verify-csv")
        defer { directory.remove() }
        let csv = directory.file("operators.csv")
        let rows = [
            "姓名,\"证件号码\",备注",
            "张三,11010519491231002X,ok",
            "李四,\"110105 19491231 0021\",\"check, wrong\"",
            "",
            "王五,,empty",
            "公司,91350100M000100Y43,\"quoted \"\"note\"\"\"",
            "乱码,12345,bad",
        ]
        try Data(("\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n").utf8).write(to: URL(fileURLWithPath: csv))
        try await withIdentity { identity in
            let result = try await verify(identity, ["--file", csv])
            #expect(result.exitCode == 1, "\(result.standardError)")
            let output = result.standardOutput
            #expect(output.contains("第 2 行  110***********002X  公民身份号码  有效"))
            #expect(output.contains("第 3 行  110***********0021  公民身份号码  无效  第 18 位校验码应为“X”，实际为“1”"))
            #expect(output.contains("第 5 行  （空）"))
            #expect(output.contains("号码为空"))
            #expect(output.contains("第 6 行  913***********0Y43  统一社会信用代码  有效"))
            #expect(output.contains("第 7 行"))
            #expect(output.contains("共 5 条：有效 2，无效 3"))
            #expect(output.contains("按类型："))
            #expect(!output.contains("11010519491231002X"))

            let byName = try await verify(identity, ["--file", csv, "--column", "证件号码", "--lang", "en"])
            #expect(byName.standardOutput.contains("5 numbers: 2 valid, 3 invalid"))
            let byNumber = try await verify(identity, ["--file", csv, "--column", "3"])
            #expect(byNumber.standardOutput.contains("共 5 条：有效 0，无效 5"))
            let missing = try await verify(identity, ["--file", csv, "--column", "passport"])
            #expect(missing.exitCode == 2)
        }
    }

    @Test("a file of more than 10,000 rows is checked in several calls, every row reported")
    func largeFile() async throws {
        let directory = try TemporaryDirectory(prefix: "e2e-verify-large")
        defer { directory.remove() }
        let csv = directory.file("county.csv")
        let birth = IdentityDate(year: 1985, month: 5, day: 5)!
        var lines = ["证件号码"]
        for index in 0..<10_050 {
            let number = IdentityGenerator.residentID(region: 130502, birth: birth, sequence: index % 1000)
            lines.append(index % 1000 == 7 ? String(number.dropLast()) + "0" : number)
        }
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let invalid = (0..<10_050).filter { $0 % 1000 == 7 && !IdentityGenerator.residentID(region: 130502, birth: birth, sequence: $0 % 1000).hasSuffix("0") }.count
        try await withIdentity { identity in
            let result = try await verify(identity, ["--file", csv, "--timeout", "120"])
            #expect(result.exitCode == (invalid > 0 ? 1 : 0), "\(result.standardError)")
            #expect(result.standardOutput.contains("第 10051 行"))
            #expect(result.standardOutput.contains("共 10050 条：有效 \(10_050 - invalid)，无效 \(invalid)"))
            #expect(identity.logs.filter { $0.contains("verified batch") }.count == 2)
        }
    }

    @Test("without a client certificate the call fails with its status code")
    func refusedWithoutCertificate() async throws {
        try await withIdentity { identity in
            let result = try await verify(identity, ["11010519491231002X"], certificate: false)
            #expect(result.exitCode == 16, "\(result.standardOutput) \(result.standardError)")
            #expect(result.standardError.contains("UNAUTHENTICATED"))
        }
    }

    @Test("a broken division table in BEIAN_DATA_DIR stops the start with exit 2 naming the variable")
    func brokenDataDirectory() async throws {
        let directory = try TemporaryDirectory(prefix: "e2e-identity-data")
        defer { directory.remove() }
        try "not a division table\n".write(toFile: directory.file("divisions.tsv"), atomically: true, encoding: .utf8)
        let state = try TemporaryDirectory(prefix: "e2e-identity-state")
        defer { state.remove() }
        var environment = try ServiceEnvironment.make(service: "identity", stateDirectory: state.path,
                                                      extra: ["BEIAN_DATA_DIR": directory.path])
        environment["PATH"] = "/usr/bin:/bin"
        let result = try await ProcessRunner.run(try ServiceProcess.executable("identity"), arguments: [], environment: environment)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("BEIAN_DATA_DIR"))
    }
}
