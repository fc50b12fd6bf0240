import BeianRuntime
import Glibc
import Synchronization

/// Keeps a client's current connection: reuses it while usable, connects when there is none,
/// and after a failure waits out an exponential backoff (with jitter) before the next attempt.
/// Callers that arrive while a connection is being made wait for that attempt.
final class ConnectionManager: Sendable {
    private struct State {
        var current: ClientConnection?
        var connecting: Task<ClientConnection, any Error>?
        var failures = 0
        var retryAfter: UInt64 = 0
        var lastError: RPCError?
    }

    private let state = Mutex(State())

    func connection(for client: RPCClient, deadline: RPCDeadline?) async throws(RPCError) -> ClientConnection {
        let pending = state.withLock { state -> Task<ClientConnection, any Error>? in
            if let current = state.current, current.isUsable { return nil }
            if let connecting = state.connecting { return connecting }
            return nil
        }
        if pending == nil, let ready = state.withLock({ state -> ClientConnection? in
            if let current = state.current, current.isUsable { return current }
            return nil
        }) {
            return ready
        }
        let task = pending ?? startConnecting(client)
        do {
            return try await ConnectionWait.connection(from: task, until: deadline, timeoutError: RPCError(
                .deadlineExceeded,
                "deadline exceeded while connecting to \(client.configuration.host):\(client.configuration.port)"))
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(.unavailable, "\(error)")
        }
    }

    private func startConnecting(_ client: RPCClient) -> Task<ClientConnection, any Error> {
        state.withLock { state -> Task<ClientConnection, any Error> in
            if let connecting = state.connecting { return connecting }
            let waitUntil = state.retryAfter
            let task = Task<ClientConnection, any Error> {
                let now = Monotonic.nanoseconds()
                if waitUntil > now {
                    try? await Task.sleep(for: .nanoseconds(Int64(waitUntil - now)))
                }
                do {
                    let connection = try await client.connect()
                    self.state.withLock { state in
                        state.current = connection
                        state.connecting = nil
                        state.failures = 0
                        state.retryAfter = 0
                        state.lastError = nil
                    }
                    return connection
                } catch {
                    self.state.withLock { state in
                        state.connecting = nil
                        state.failures += 1
                        state.lastError = error as? RPCError
                        state.retryAfter = Monotonic.nanoseconds() + Self.backoff(client.configuration, failures: state.failures)
                    }
                    throw error
                }
            }
            state.connecting = task
            return task
        }
    }

    /// The backoff after `failures` consecutive failures, in nanoseconds, with ±20 % jitter.
    static func backoff(_ configuration: ClientConfiguration, failures: Int) -> UInt64 {
        let base = Double(configuration.initialBackoff.nanosecondsValue)
        let maximum = Double(configuration.maximumBackoff.nanosecondsValue)
        let raw = min(maximum, base * pow(configuration.backoffMultiplier, Double(max(0, failures - 1))))
        return UInt64(max(0, raw * Double.random(in: 0.8...1.2)))
    }

    /// Called when a connection closes or receives a goaway: new calls go elsewhere.
    func forget(_ connection: ClientConnection) {
        state.withLock { state in
            if state.current === connection { state.current = nil }
        }
    }

    /// The loop of the current connection, if there is one.
    var currentLoop: EventLoop? {
        state.withLock { $0.current?.framed.loop }
    }

    func closeCurrent() {
        let current = state.withLock { state -> ClientConnection? in
            let current = state.current
            state.current = nil
            return current
        }
        current?.closeWhenIdle()
    }
}
