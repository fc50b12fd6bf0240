import BeianRPC
import BeianRuntime
import BeianServiceKit

extension IntakeConfiguration {
    /// `BEIAN_PEER_INTAKES`: `office=host:port` pairs separated by commas, e.g.
    /// `440783=127.0.0.1:7412,130500=127.0.0.1:7422`. Each becomes a client presenting this
    /// service's own certificate (mutual TLS). This office's own code is not allowed.
    static func peers(settings: ServiceSettings, ownOffice: String) throws(ConfigurationError)
        -> [String: ClientConfiguration] {
        let variable = "BEIAN_PEER_INTAKES"
        guard let text = settings.environment.get(variable)?.trimmingCharacters(in: .whitespaces),
              !text.isEmpty else { return [:] }
        var peers: [String: ClientConfiguration] = [:]
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].count == 6, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw ConfigurationError(variable: variable, rule: "entries must be office=host:port with a 6-digit "
                    + "office code, got \"\(entry)\"")
            }
            guard parts[0] != ownOffice else {
                throw ConfigurationError(variable: variable, rule: "names this office \(ownOffice) itself")
            }
            guard peers[parts[0]] == nil else {
                throw ConfigurationError(variable: variable, rule: "names office \(parts[0]) twice")
            }
            let host: String, port: Int
            do {
                (host, port) = try ClientConfiguration.parse(target: parts[1])
            } catch {
                throw ConfigurationError(variable: variable, rule: "office \(parts[0]): address must be host:port, "
                    + "got \"\(parts[1])\"")
            }
            var client = ClientConfiguration(host: host, port: port, tls: settings.clientTLS(serverName: host))
            client.connectTimeout = .seconds(3)
            client.maximumBackoff = .seconds(1)
            peers[parts[0]] = client
        }
        return peers
    }
}
