import BeianRuntime
import BeianTLS
import Glibc
import Synchronization

/// A Beian RPC server: TLS 1.3 over TCP, length-prefixed JSON frames, gRPC semantics.
///
/// ```swift
/// let server = try RPCServer(configuration: config, services: [identityService], logger: logger)
/// let address = try await server.start()        // bound; port 0 resolved
/// try await server.run()                         // returns after a graceful shutdown
/// ```
/// Every server also answers `grpc.health.v1.Health`, `beian.reflection.v1.Reflection` and
/// (unless disabled) `beian.echo.v1.Echo`. `beginGracefulShutdown()` (e.g. on SIGTERM) stops
/// accepting, marks health NOT_SERVING, sends goaways, lets calls in flight finish within the
/// grace period, then cancels the rest; `run()` then returns.
package final class RPCServer: Sendable {
    private enum State {
        case created
        case running(Listener)
        case draining
        case stopped
    }

    package let health: HealthRegistry
    private let core: ServerCore
    private let state = Mutex(State.created)
    private let stoppedSignal = Mutex<(done: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    /// Builds the server (reads certificate files, starts the loop threads). Call `start()` or `run()` next.
    package init(configuration: ServerConfiguration, services: [RPCService], logger: Logger) throws {
        let tlsContext = try TLSContext(configuration.tls)
        let health = HealthRegistry()
        var all = services
        all.append(HealthService.make(health))
        if configuration.enableEchoService { all.append(EchoService.make()) }
        let group = try EventLoopGroup(count: configuration.loopCount, name: "beian-rpc")
        let reflectionTarget = ReflectionService.Catalog()
        all.append(ReflectionService.make(reflectionTarget))
        reflectionTarget.set(all)
        for service in all { health.setStatus(.serving, for: service.name) }
        health.setStatus(.serving, for: "")
        self.health = health
        self.core = ServerCore(configuration: configuration, services: all, tlsContext: tlsContext,
                               logger: logger, health: health, group: group)
    }

    /// Binds and starts accepting. Returns the bound address (with the real port when 0 was asked).
    @discardableResult
    package func start() async throws -> SocketAddress {
        let loop = core.group.loops[0]
        let listener = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Listener, any Error>) in
            loop.execute { [core] in
                do {
                    let listener = try Listener(host: core.configuration.host, port: core.configuration.port, core: core, loop: loop)
                    try listener.start()
                    continuation.resume(returning: listener)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        let accepted = state.withLock { state -> Bool in
            guard case .created = state else { return false }
            state = .running(listener)
            return true
        }
        guard accepted else {
            loop.execute { listener.close() }
            throw RPCError(.failedPrecondition, "server already started")
        }
        core.logger.notice("listening", ["address": .string(listener.address.description)])
        return listener.address
    }

    /// Runs until a graceful shutdown completes. Starts the server first if needed.
    package func run() async throws {
        let needsStart = state.withLock { state -> Bool in
            if case .created = state { return true }
            return false
        }
        if needsStart { try await start() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = stoppedSignal.withLock { signal -> Bool in
                if signal.done { return true }
                signal.waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// The bound address, nil before `start()`.
    package var localAddress: SocketAddress? {
        state.withLock { state in
            if case .running(let listener) = state { return listener.address }
            return nil
        }
    }

    /// Number of open connections.
    package var connectionCount: Int { core.connectionCount }

    /// Stops accepting, sends goaways, waits for calls in flight up to the grace period, then
    /// stops. Returns immediately; `run()` returns when the shutdown is complete.
    package func beginGracefulShutdown() {
        let listener = state.withLock { state -> Listener?? in
            switch state {
            case .created:
                state = .stopped
                return .some(nil)
            case .running(let listener):
                state = .draining
                return .some(listener)
            case .draining, .stopped:
                return nil
            }
        }
        guard let listener else { return }
        core.logger.notice("graceful shutdown: draining connections", [
            "connections": .int(core.connectionCount),
            "grace_ms": .double(core.configuration.shutdownGracePeriod.milliseconds)])
        if let listener { listener.loop.execute { listener.close() } }
        let core = self.core
        for registry in core.registries {
            registry.loop.execute {
                for connection in registry.connections.values { connection.drain() }
            }
        }
        // Health turns NOT_SERVING only once every connection's drain is queued on its loop, ahead of
        // the Watch updates this queues there: a client that has seen NOT_SERVING and calls again is
        // refused (before, this thread could be preempted between the two and the call served).
        health.enterDraining()
        let grace = Task {
            try? await Task.sleep(for: core.configuration.shutdownGracePeriod)
            guard !Task.isCancelled else { return }
            core.logger.warning("grace period over: cancelling calls still in flight")
            for registry in core.registries {
                registry.loop.execute {
                    for connection in registry.connections.values { connection.forceClose() }
                }
            }
        }
        core.beginDrain { [self] in
            grace.cancel()
            finishStopping()
        }
    }

    private func finishStopping() {
        state.withLock { $0 = .stopped }
        // Joining loop threads blocks: do it on a plain thread, never a loop or the cooperative pool.
        let group = core.group
        let logger = core.logger
        PlatformThread.start(name: "beian-rpc-stop") { [self] in
            group.shutdown()
            logger.notice("server stopped")
            let waiters = stoppedSignal.withLock { signal -> [CheckedContinuation<Void, Never>] in
                signal.done = true
                let waiters = signal.waiters
                signal.waiters = []
                return waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }
}
