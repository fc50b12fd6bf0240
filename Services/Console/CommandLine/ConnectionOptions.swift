import BeianRPC
import BeianRuntime
import BeianTLS
import Foundation

/// The options every command that talks to a server shares:
/// `--ca FILE` (the office CA; or `BEIAN_CA`), `--cert FILE --key FILE` (a client certificate for
/// mutual TLS; or `BEIAN_CERT`/`BEIAN_KEY`), `--timeout SECONDS` (default 30), `--server-name NAME`
/// (the name to expect in the server certificate; default: the host of the address).
enum ConnectionOptions {
    static let names: Set<String> = ["ca", "cert", "key", "timeout", "server-name"]

    static func client(address: String, _ arguments: Arguments, environment: Environment = .process) throws(ConsoleError) -> RPCClient {
        guard let ca = arguments.value("ca") ?? environment.get("BEIAN_CA") else {
            throw ConsoleError.usage(zh: "需要 --ca FILE（本办的CA证书），或设置环境变量 BEIAN_CA",
                                     en: "--ca FILE is required (the office CA certificate), or set BEIAN_CA")
        }
        let cert = arguments.value("cert") ?? environment.get("BEIAN_CERT")
        let key = arguments.value("key") ?? environment.get("BEIAN_KEY")
        guard (cert == nil) == (key == nil) else { throw ConsoleError.usage(zh: "--cert 和 --key 要一起给出", en: "--cert and --key go together") }
        let (host, port): (String, Int)
        do {
            (host, port) = try ClientConfiguration.parse(target: address)
        } catch {
            throw ConsoleError.usage(zh: "地址“\(address)”应为 host:port（端口 1–65535）", en: error.message)
        }
        var configuration = ClientConfiguration(
            host: host, port: port,
            tls: .client(trustRootsFile: ca, certificateChainFile: cert, privateKeyFile: key,
                         serverName: arguments.value("server-name") ?? host))
        configuration.defaultTimeout = .seconds(try timeoutSeconds(arguments))
        configuration.initialBackoff = .milliseconds(50)
        do {
            return try RPCClient(configuration: configuration)
        } catch {
            throw ConsoleError.failure(zh: "无法建立 TLS：\(error)", en: "cannot set up TLS: \(error)")
        }
    }

    static func timeoutSeconds(_ arguments: Arguments) throws(ConsoleError) -> Double {
        guard let text = arguments.value("timeout") else { return 30 }
        guard let seconds = Double(Arguments.numberText(text)), seconds > 0, seconds.isFinite else {
            throw ConsoleError.usage(zh: "--timeout 应为正数（秒），而不是“\(text)”",
                                     en: "--timeout must be a positive number of seconds, got \"\(text)\"")
        }
        return seconds
    }
}
