/// Work waiting for the writer queue: one `Store.write` closure (batched with others into one
/// transaction) or one exclusive job (run alone, outside any transaction).
///
/// Jobs are created by `Store` on the caller's task and afterwards touched only on the writer
/// queue, one at a time, which is why the result slot needs no lock.
protocol WriterJob: AnyObject, Sendable {
    /// Whether this job may share a transaction with others.
    var isBatchable: Bool { get }
    /// Runs the body on the writer connection; returns false if it threw (its work must be undone).
    func run(_ database: Database) -> Bool
    /// Replaces the outcome with an error (its work was rolled back after all).
    func fail(_ error: any Error)
    /// Resumes the waiting caller with the outcome.
    func complete()
}

/// A closure and the continuation of the task waiting for its result.
final class ClosureJob<T: Sendable>: WriterJob, @unchecked Sendable {
    // @unchecked: `outcome` is written and read only on the writer queue (see WriterJob).
    let isBatchable: Bool
    private let body: @Sendable (Database) throws -> T
    private let continuation: CheckedContinuation<T, any Error>
    private var outcome: Result<T, any Error>?

    init(batchable: Bool, body: @escaping @Sendable (Database) throws -> T, continuation: CheckedContinuation<T, any Error>) {
        self.isBatchable = batchable
        self.body = body
        self.continuation = continuation
    }

    func run(_ database: Database) -> Bool {
        do {
            outcome = .success(try body(database))
            return true
        } catch {
            outcome = .failure(error)
            return false
        }
    }

    func fail(_ error: any Error) {
        outcome = .failure(error)
    }

    func complete() {
        continuation.resume(with: outcome ?? .failure(StoreError(.closed, "the write was never run")))
    }
}
