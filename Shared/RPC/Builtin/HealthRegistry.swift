import Synchronization

/// Serving status per service name ("" = the server as a whole), as `grpc.health.v1.Health`
/// reports it, with subscribers for `Watch`.
package final class HealthRegistry: Sendable {
    package enum ServingStatus: String, Sendable, Codable, Hashable, ReflectableEnum {
        case unknown = "UNKNOWN"
        case serving = "SERVING"
        case notServing = "NOT_SERVING"
        case serviceUnknown = "SERVICE_UNKNOWN"
    }

    private struct State {
        var statuses: [String: ServingStatus] = [:]
        var draining = false
        var nextWatcher = 0
        var watchers: [Int: (service: String, continuation: AsyncStream<ServingStatus>.Continuation)] = [:]
    }

    private let state = Mutex(State())

    package init() {}

    /// Sets the status of `service` and tells its watchers. Ignored while draining (everything is
    /// NOT_SERVING then).
    package func setStatus(_ status: ServingStatus, for service: String) {
        let targets = state.withLock { state -> [AsyncStream<ServingStatus>.Continuation] in
            guard !state.draining, state.statuses[service] != status else { return [] }
            state.statuses[service] = status
            return state.watchers.values.filter { $0.service == service }.map(\.continuation)
        }
        for continuation in targets { continuation.yield(status) }
    }

    /// The status of `service`, nil if the name is unknown.
    package func status(for service: String) -> ServingStatus? {
        state.withLock { state in
            guard let status = state.statuses[service] else { return nil }
            return state.draining ? .notServing : status
        }
    }

    /// A stream of `service`'s status: the current one first, then every change. It finishes
    /// when the server starts draining (after yielding NOT_SERVING).
    package func watch(_ service: String) -> AsyncStream<ServingStatus> {
        let (stream, continuation) = AsyncStream<ServingStatus>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let (id, current, draining) = state.withLock { state -> (Int, ServingStatus, Bool) in
            let id = state.nextWatcher
            state.nextWatcher += 1
            let current = state.draining ? .notServing : (state.statuses[service] ?? .serviceUnknown)
            if !state.draining { state.watchers[id] = (service, continuation) }
            return (id, current, state.draining)
        }
        continuation.yield(current)
        if draining { continuation.finish() }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Graceful shutdown began: everything reads NOT_SERVING and watches end.
    package func enterDraining() {
        let watchers = state.withLock { state -> [AsyncStream<ServingStatus>.Continuation] in
            state.draining = true
            let all = state.watchers.values.map(\.continuation)
            state.watchers = [:]
            return all
        }
        for continuation in watchers {
            continuation.yield(.notServing)
            continuation.finish()
        }
    }

    package var isDraining: Bool { state.withLock { $0.draining } }
}
