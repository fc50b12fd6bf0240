import Foundation
import Testing
import TestSupport

/// `beian` refusing its own command line: the reason in Chinese and English on standard error
/// (Chinese output, the default or `--lang zh`), the usage after it, exit status 2. No service runs.
@Suite("beian usage errors in both languages")
struct ConsoleUsageErrorTests {
    /// `beian ARGS` with an environment that sets none of the BEIAN_ variables.
    static func beian(_ arguments: [String]) async throws -> ProcessRunner.Output {
        try await ProcessRunner.run(try ServiceProcess.executable("beian"), arguments: arguments,
                                    environment: ["LANG": "C.UTF-8", "HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"])
    }

    @Test("a bad --timeout, certs without init or issue, a bad --kind, an unknown command: 中文 / English, exit 2")
    func reasonsInBothLanguages() async throws {
        let cases: [(arguments: [String], zh: String, en: String)] = [
            (["call", "127.0.0.1:7401", "beian.echo.v1.Echo/Expand", "--ca", "/nonexistent/ca.pem",
              "--timeout", "soon", "--lang", "zh"],
             "--timeout 应为正数（秒），而不是“soon”", "--timeout must be a positive number of seconds, got \"soon\""),
            (["certs"], "certs 后面要给 init 或 issue", "certs needs init or issue"),
            (["verify", "110101199003077777", "--kind", "passport", "--lang", "zh"],
             "--kind 应为以下之一：auto、resident_id、", "--kind must be one of auto, resident_id, "),
            (["verify", "--lang", "zh"], "缺少 NUMBER（要核验的号码，或用 --file FILE.csv）", "missing NUMBER (or --file FILE.csv)"),
            (["filing"], "filing 后面要给一个子命令", "filing needs a subcommand"),
            (["filing", "nosuch", "--lang", "zh"], "没有这个 filing 子命令：“nosuch”", "unknown filing subcommand \"nosuch\""),
            (["nosuch", "--lang", "zh"], "没有这个命令：“nosuch”", "unknown command \"nosuch\""),
        ]
        for (arguments, zh, en) in cases {
            let result = try await Self.beian(arguments)
            let line = result.standardError.split(separator: "\n").first.map(String.init) ?? ""
            #expect(result.exitCode == 2, "\(arguments): \(result.standardError)")
            #expect(line.contains(zh), "\(arguments): \(line)")
            #expect(line.contains(en), "\(arguments): \(line)")
            #expect(line.contains(" / "), "\(arguments): \(line)")
            #expect(result.standardOutput.isEmpty, "\(arguments): \(result.standardOutput)")
        }
        let usage = try await Self.beian(["call", "127.0.0.1:7401", "beian.echo.v1.Echo/Expand", "--timeout", "0",
                                          "--ca", "/nonexistent/ca.pem", "--lang", "zh"])
        #expect(usage.standardError.hasPrefix("beian call: --timeout 应为正数（秒），而不是“0” / --timeout must be"),
                "\(usage.standardError)")
        #expect(usage.standardError.contains("usage:\nbeian call ADDR METHOD"), "\(usage.standardError)")
    }

    @Test("English output gives the English reason alone")
    func englishAlone() async throws {
        let result = try await Self.beian(["verify", "110101199003077777", "--kind", "passport", "--lang", "en"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("beian verify: --kind must be one of auto, "), "\(result.standardError)")
        #expect(!result.standardError.contains("应为"), "\(result.standardError)")
    }
}
