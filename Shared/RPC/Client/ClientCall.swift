import BeianJSON
import Synchronization

/// One call from the client's side: response messages and the final status arrive from the
/// connection's loop; the caller's task consumes them.
final class ClientCall: Sendable {
    enum Event: Sendable {
        case message(JSONValue)
        case finished(RPCError?, metadata: [String: String])
    }

    private struct State {
        var events: [Event] = []
        var finished = false
        var waiter: CheckedContinuation<Event, Never>?
        var deadlineTimer: TimerToken?
    }

    let id: Int64
    let connection: ClientConnection
    private let state = Mutex(State())

    init(id: Int64, connection: ClientConnection) {
        self.id = id
        self.connection = connection
    }

    var isFinished: Bool { state.withLock { $0.finished } }

    /// Queues an event for the consumer. After a `.finished`, later events are dropped.
    /// Returns false if the call had already finished.
    @discardableResult
    func deliver(_ event: Event) -> Bool {
        let (waiter, accepted) = state.withLock { state -> (CheckedContinuation<Event, Never>?, Bool) in
            guard !state.finished else { return (nil, false) }
            if case .finished = event { state.finished = true }
            if let waiter = state.waiter {
                state.waiter = nil
                return (waiter, true)
            }
            state.events.append(event)
            return (nil, true)
        }
        waiter?.resume(returning: event)
        return accepted
    }

    /// The next message or the final status.
    func nextEvent() async -> Event {
        await withCheckedContinuation { (continuation: CheckedContinuation<Event, Never>) in
            let ready = state.withLock { state -> Event? in
                if !state.events.isEmpty { return state.events.removeFirst() }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Ends the call locally with `error` and tells the server to stop (cancel frame).
    func cancel(_ error: RPCError) {
        if deliver(.finished(error, metadata: [:])) {
            connection.cancel(self)
        }
    }

    // Loop-thread only: the client-side deadline timer.
    func setDeadlineTimer(_ token: TimerToken) {
        state.withLock { $0.deadlineTimer = token }
    }

    func takeDeadlineTimer() -> TimerToken? {
        state.withLock { state in
            let token = state.deadlineTimer
            state.deadlineTimer = nil
            return token
        }
    }
}
