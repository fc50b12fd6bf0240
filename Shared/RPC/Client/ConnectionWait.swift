import Synchronization

/// One caller waiting for a connection attempt that other callers may share, until its own
/// deadline: whichever comes first (the attempt's outcome, the deadline, the caller's
/// cancellation) resumes it, once. The attempt itself goes on for the others.
///
/// (A task group would not do: it waits for all its children, and awaiting the shared attempt
/// cannot be cancelled, so a caller with a 1 s deadline waited for the whole connect timeout.)
final class ConnectionWait: Sendable {
    private enum State {
        case waiting(CheckedContinuation<ClientConnection, any Error>?)
        /// Resumed before the continuation was there (a cancellation, say): kept for it.
        case finished(Result<ClientConnection, any Error>?)
    }

    private let state = Mutex(State.waiting(nil))

    /// Waits for `attempt` until `deadline` (if any); `timeoutError` is what the caller gets when
    /// the deadline passes first.
    static func connection(from attempt: Task<ClientConnection, any Error>, until deadline: RPCDeadline?,
                           timeoutError: @autoclosure @escaping @Sendable () -> RPCError) async throws -> ClientConnection {
        let wait = ConnectionWait()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                wait.set(continuation)
                let timer = deadline.map { deadline in
                    Task {
                        try? await Task.sleep(for: deadline.remaining)
                        if !Task.isCancelled { wait.finish(.failure(timeoutError())) }
                    }
                }
                Task {
                    wait.finish(await attempt.result)
                    timer?.cancel()
                }
            }
        } onCancel: {
            wait.finish(.failure(RPCError(.cancelled, "the call was cancelled while connecting")))
        }
    }

    private func set(_ continuation: CheckedContinuation<ClientConnection, any Error>) {
        let early = state.withLock { state -> Result<ClientConnection, any Error>? in
            switch state {
            case .waiting:
                state = .waiting(continuation)
                return nil
            case .finished(let result):
                state = .finished(nil)
                return result
            }
        }
        if let early { continuation.resume(with: early) }
    }

    /// The first outcome resumes the caller; later ones are dropped.
    private func finish(_ result: Result<ClientConnection, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<ClientConnection, any Error>? in
            switch state {
            case .waiting(let continuation):
                state = .finished(continuation == nil ? result : nil)
                return continuation
            case .finished:
                return nil
            }
        }
        continuation?.resume(with: result)
    }
}
