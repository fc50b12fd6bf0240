import Dispatch

/// A serial executor that runs an actor's jobs on one `DispatchQueue`.
///
/// Blocking SQLite calls must never run on Swift's cooperative thread pool, so each connection
/// actor uses this executor: its isolated methods run on the connection's own serial queue.
/// (`DispatchSerialQueue` is not available on Linux, hence this small class.)
final class DispatchQueueExecutor: SerialExecutor, @unchecked Sendable {
    // @unchecked: the only stored property is a DispatchQueue, which is thread-safe.
    private let queue: DispatchQueue

    init(queue: DispatchQueue) {
        self.queue = queue
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async {
            job.runSynchronously(on: self.asUnownedSerialExecutor())
        }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}
