import BeianRPC
import BeianRuntime

/// Clients of other offices' intake services (`BEIAN_PEER_INTAKES`), for transfers (移交).
package struct PeerIntakes: Sendable {
    private let clients: [String: RPCClient]

    /// No peers.
    package init() {
        clients = [:]
    }

    /// Clients for `configurations` (office code → address).
    package init(configurations: [String: ClientConfiguration], logger: Logger) throws {
        clients = try configurations.mapValues { try RPCClient(configuration: $0, logger: logger) }
    }

    /// The client of `office`'s intake, or nil when it is not configured.
    package func client(for office: String) -> RPCClient? { clients[office] }

    /// The configured offices, sorted.
    package var offices: [String] { clients.keys.sorted() }

    /// Closes every client.
    package func close() {
        for client in clients.values { client.close() }
    }
}
