import BeianRPC
import BeianRuntime
import BeianTLS
import FoundationEssentials

/// The settings every Beian service reads from its environment at start.
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `BEIAN_HOST`, `BEIAN_PORT` | address to listen on | `127.0.0.1`, the service's port |
/// | `BEIAN_TLS_CERT`, `BEIAN_TLS_KEY` | the service's certificate chain and key (PEM) | required |
/// | `BEIAN_TLS_CA` | the office CA: verifies clients, and servers this service calls | required |
/// | `BEIAN_CLIENT_CERT` | `required` (mutual TLS) or `optional` (operators without certificates) | the service's choice |
/// | `BEIAN_STATE_DIR` | where the service keeps its database and keys | `./state/<service>` |
/// | `BEIAN_OFFICE` | the office code this deployment serves | none |
/// | `BEIAN_LOG_LEVEL` | `trace` … `critical` | `info` |
/// | `BEIAN_LOOPS` | event-loop threads | one per core, at most 4 |
/// | `BEIAN_MAX_CONNECTIONS`, `BEIAN_MAX_CALLS_PER_CONNECTION`, `BEIAN_MAX_FRAME_BYTES` | limits | 10000, 1024, 4 MiB |
/// | `BEIAN_HANDSHAKE_TIMEOUT_MS`, `BEIAN_IDLE_TIMEOUT_MS`, `BEIAN_SHUTDOWN_GRACE_MS` | timeouts | 10 s, 300 s, 10 s |
/// | `BEIAN_DATA_DIR` | replacement reference data (profiles, calendar, divisions) | the bundled data |
package struct ServiceSettings: Sendable {
    package enum ClientCertificatePolicy: String, Sendable {
        case required
        case optional
    }

    package var service: String
    package var host: String
    package var port: Int
    package var certificateFile: String
    package var privateKeyFile: String
    package var caFile: String
    package var clientCertificates: ClientCertificatePolicy
    package var stateDirectory: String
    package var officeCode: String?
    package var logLevel: Logger.Level
    package var environment: Environment
    private var server: ServerConfiguration

    /// Reads the settings; a missing or malformed variable throws a `ConfigurationError` naming it.
    package init(
        service: String, defaultPort: Int, defaultClientCertificates: ClientCertificatePolicy,
        environment: Environment
    ) throws(ConfigurationError) {
        self.service = service
        self.environment = environment
        host = environment.get("BEIAN_HOST", default: "127.0.0.1")
        port = try environment.integer("BEIAN_PORT", default: defaultPort, in: 0...65535)
        certificateFile = try environment.existingFile("BEIAN_TLS_CERT")
        privateKeyFile = try environment.existingFile("BEIAN_TLS_KEY")
        caFile = try environment.existingFile("BEIAN_TLS_CA")
        let policy = environment.get("BEIAN_CLIENT_CERT", default: defaultClientCertificates.rawValue)
        guard let clientCertificates = ClientCertificatePolicy(rawValue: policy) else {
            throw ConfigurationError(variable: "BEIAN_CLIENT_CERT", rule: "must be required or optional, got \"\(policy)\"")
        }
        self.clientCertificates = clientCertificates
        stateDirectory = environment.get("BEIAN_STATE_DIR", default: "state/\(service)")
        officeCode = environment.get("BEIAN_OFFICE")
        if let office = officeCode, office.count != 6 || !office.allSatisfy(\.isASCII) || Int(office) == nil {
            throw ConfigurationError(variable: "BEIAN_OFFICE", rule: "must be a 6-digit office (division) code, got \"\(office)\"")
        }
        let levelName = environment.get("BEIAN_LOG_LEVEL", default: "info")
        guard let level = Logger.Level(name: levelName) else {
            throw ConfigurationError(variable: "BEIAN_LOG_LEVEL", rule: "must be one of trace, debug, info, notice, warning, error, critical; got \"\(levelName)\"")
        }
        logLevel = level

        var server = ServerConfiguration(tls: .server(
            certificateChainFile: certificateFile, privateKeyFile: privateKeyFile, clientCAFile: caFile,
            requireClientCertificate: clientCertificates == .required))
        server.host = host
        server.port = port
        server.loopCount = try environment.integer("BEIAN_LOOPS", default: EventLoopGroup.defaultLoopCount, in: 1...64)
        server.maximumConnections = try environment.integer("BEIAN_MAX_CONNECTIONS", default: server.maximumConnections, in: 1...1_000_000)
        server.maximumConcurrentCallsPerConnection = try environment.integer(
            "BEIAN_MAX_CALLS_PER_CONNECTION", default: server.maximumConcurrentCallsPerConnection, in: 1...100_000)
        server.maximumFrameLength = try environment.integer("BEIAN_MAX_FRAME_BYTES", default: server.maximumFrameLength, in: 1024...(64 << 20))
        server.handshakeTimeout = try environment.milliseconds("BEIAN_HANDSHAKE_TIMEOUT_MS", default: server.handshakeTimeout)
        server.idleTimeout = try environment.milliseconds("BEIAN_IDLE_TIMEOUT_MS", default: server.idleTimeout)
        server.shutdownGracePeriod = try environment.milliseconds("BEIAN_SHUTDOWN_GRACE_MS", default: server.shutdownGracePeriod)
        server.enableEchoService = try environment.flag("BEIAN_ECHO", default: true)
        self.server = server
    }

    /// The RPC server configuration these settings describe.
    package var serverConfiguration: ServerConfiguration { server }

    /// Client TLS for calling another service of the office: trusts the office CA and presents
    /// this service's own certificate (its subject names this service to the callee).
    package func clientTLS(serverName: String) -> TLSConfiguration {
        .client(trustRootsFile: caFile, certificateChainFile: certificateFile, privateKeyFile: privateKeyFile,
                serverName: serverName)
    }

    /// A client configuration for another service given as `host:port` in `variable`
    /// (e.g. `BEIAN_IDENTITY_ADDRESS`), or nil when the variable is unset.
    package func peerService(_ variable: String) throws(ConfigurationError) -> ClientConfiguration? {
        guard let target = environment.get(variable) else { return nil }
        do {
            let (host, port) = try ClientConfiguration.parse(target: target)
            return ClientConfiguration(host: host, port: port, tls: clientTLS(serverName: host))
        } catch {
            throw ConfigurationError(variable: variable, rule: "must be host:port, got \"\(target)\"")
        }
    }

    /// Creates the state directory (mode 0700) if needed and returns the path of `file` in it.
    package func statePath(_ file: String) throws -> String {
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        guard !stateDirectory.isEmpty else { return file }
        return stateDirectory.hasSuffix("/") ? stateDirectory + file : stateDirectory + "/" + file
    }
}
