import BeianRuntime
import BeianTLS
import Synchronization

/// What every connection of a server shares: configuration, the method table, TLS context,
/// logger, health, and the counters that decide when a drain is complete.
final class ServerCore: Sendable {
    let configuration: ServerConfiguration
    let methods: [String: RPCMethod]
    let services: [RPCService]
    let tlsContext: TLSContext
    let logger: Logger
    let health: HealthRegistry
    let group: EventLoopGroup
    /// Per-loop sets of live connections, each touched only on its own loop.
    let registries: [LoopRegistry]

    private let draining = Atomic<Bool>(false)
    private let activeConnections = Atomic<Int>(0)
    private let onAllClosed = Mutex<(@Sendable () -> Void)?>(nil)

    init(configuration: ServerConfiguration, services: [RPCService], tlsContext: TLSContext, logger: Logger,
         health: HealthRegistry, group: EventLoopGroup) {
        self.configuration = configuration
        self.services = services
        var methods: [String: RPCMethod] = [:]
        for service in services {
            for method in service.methods { methods[method.descriptor.fullName] = method }
        }
        self.methods = methods
        self.tlsContext = tlsContext
        self.logger = logger
        self.health = health
        self.group = group
        self.registries = group.loops.map { LoopRegistry(loop: $0) }
    }

    var isDraining: Bool { draining.load(ordering: .acquiring) }
    var connectionCount: Int { activeConnections.load(ordering: .relaxed) }

    /// Counts a new connection unless the limit is reached.
    func admitConnection() -> Bool {
        while true {
            let current = activeConnections.load(ordering: .relaxed)
            guard current < configuration.maximumConnections else { return false }
            if activeConnections.compareExchange(expected: current, desired: current + 1, ordering: .acquiringAndReleasing).exchanged {
                return true
            }
        }
    }

    func registry(for loop: EventLoop) -> LoopRegistry {
        registries.first { $0.loop === loop }!
    }

    /// Called on the connection's loop when it has closed.
    func connectionClosed(_ connection: ServerConnection) {
        registry(for: connection.loop).connections[ObjectIdentifier(connection)] = nil
        releaseConnection()
    }

    /// Forgets a connection that was admitted but never started.
    func releaseConnection() {
        let remaining = activeConnections.wrappingSubtract(1, ordering: .acquiringAndReleasing).newValue
        if remaining == 0 && isDraining { fireAllClosed() }
    }

    /// Starts draining; `whenAllClosed` runs once no connection is left (maybe right away).
    func beginDrain(whenAllClosed: @escaping @Sendable () -> Void) {
        onAllClosed.withLock { $0 = whenAllClosed }
        draining.store(true, ordering: .releasing)
        if activeConnections.load(ordering: .acquiring) == 0 { fireAllClosed() }
    }

    private func fireAllClosed() {
        let action = onAllClosed.withLock { action -> (@Sendable () -> Void)? in
            let current = action
            action = nil
            return current
        }
        action?()
    }
}

/// The live connections of one event loop. Loop-confined (hence `@unchecked Sendable`: the
/// dictionary is read and written only by closures running on `loop`).
final class LoopRegistry: @unchecked Sendable {
    let loop: EventLoop
    var connections: [ObjectIdentifier: ServerConnection] = [:]

    init(loop: EventLoop) {
        self.loop = loop
    }
}
