import Dispatch
import Synchronization

/// The one writing connection and its serial queue, committing concurrent writes in groups.
///
/// Group commit: `submit` appends a job to `pending` (under a mutex) and, if the queue is idle,
/// schedules `drain`. `drain` takes everything pending (up to `maximumBatchSize` writes) and runs
/// it as ONE `BEGIN IMMEDIATE ... COMMIT`, each write inside its own SAVEPOINT so a failing write
/// rolls back only its own changes and gets its own error. Callers are resumed only after COMMIT
/// returned, that is after the WAL was fsynced (`synchronous = FULL`): an acknowledged write is
/// durable. While one batch is being fsynced, the next one accumulates, so the number of fsyncs
/// per second, not the number of writers, bounds throughput. Work a write defers
/// (`Database.deferToEndOfBatch`) runs after the last savepoint is released, before COMMIT.
final class GroupCommitWriter: @unchecked Sendable {
    // @unchecked: `database` is used only on `queue` (drain runs there and nowhere else);
    // every other mutable property lives in `state`, behind a Mutex.
    private let queue: DispatchQueue
    private let database: Database
    private let maximumBatchSize: Int
    /// Kept alive here because the connection's WAL hook points to it without retaining it.
    let checkpointer: Checkpointer
    private let state = Mutex(State())

    private struct State {
        var pending: [any WriterJob] = []
        var isDraining = false
        var isClosed = false
        var statistics = StoreStatistics()
    }

    private static let savepoint = "beian_write"

    init(database: Database, queue: DispatchQueue, maximumBatchSize: Int, checkpointer: Checkpointer) {
        self.database = database
        self.checkpointer = checkpointer
        self.queue = queue
        self.maximumBatchSize = max(1, maximumBatchSize)
    }

    /// Queues a job; `closing` marks it as the last job accepted (later ones fail as closed).
    func submit(_ job: any WriterJob, closing: Bool = false) {
        let (accepted, startDrain) = state.withLock { state -> (Bool, Bool) in
            guard !state.isClosed else { return (false, false) }
            state.pending.append(job)
            state.isClosed = closing
            defer { state.isDraining = true }
            return (true, !state.isDraining)
        }
        guard accepted else {
            job.fail(StoreError(.closed, "the store at \(database.path) is closed"))
            job.complete()
            return
        }
        if startDrain { queue.async { self.drain() } }
    }

    /// Counters since open.
    var statistics: StoreStatistics { state.withLock { $0.statistics } }

    /// Jobs submitted and not yet started.
    var pendingCount: Int { state.withLock { $0.pending.count } }

    private func drain() {
        while let jobs = nextJobs() {
            if jobs.count == 1, !jobs[0].isBatchable {
                runAlone(jobs[0])
            } else {
                runBatch(jobs)
            }
        }
    }

    /// The next exclusive job, or the longest run of batchable jobs up to the cap; nil when idle.
    private func nextJobs() -> [any WriterJob]? {
        state.withLock { state in
            guard let first = state.pending.first else {
                state.isDraining = false
                return nil
            }
            var count = 1
            if first.isBatchable {
                while count < state.pending.count, count < maximumBatchSize, state.pending[count].isBatchable {
                    count += 1
                }
            }
            let jobs = Array(state.pending.prefix(count))
            state.pending.removeFirst(count)
            return jobs
        }
    }

    private func runAlone(_ job: any WriterJob) {
        if database.isClosed {
            job.fail(StoreError(.closed, "the store at \(database.path) is closed"))
        } else if job.run(database), database.isInsideTransaction {
            database.rollbackIfNeeded()
            job.fail(StoreError(.misuse, "a writeWithoutTransaction closure left a transaction open; it was rolled back"))
        }
        job.complete()
    }

    private func runBatch(_ jobs: [any WriterJob]) {
        do {
            try database.checkOpen()
            try database.execute("BEGIN IMMEDIATE TRANSACTION")
        } catch {
            jobs.forEach { $0.fail(error); $0.complete() }
            return
        }
        database.beginDeferring()
        defer { database.discardDeferred() }
        var succeeded: [any WriterJob] = []
        /// Writes that failed on their own (rolled back to their savepoint, outcome already set).
        var failed: [any WriterJob] = []
        for (index, job) in jobs.enumerated() {
            do {
                try database.execute("SAVEPOINT \(Self.savepoint)")
            } catch {
                abort(ran: succeeded, failed: failed, culprit: nil, unrun: Array(jobs[index...]), error: error)
                return
            }
            let mark = database.deferredMark
            var ok = job.run(database)
            guard database.isInsideTransaction else {
                // SQLite rolled the whole transaction back (disk full, I/O error, or the closure
                // ran COMMIT/ROLLBACK itself): no earlier write in this batch survived.
                if ok { job.fail(StoreError(.misuse, "a write closure ended the batch's transaction")) }
                abort(ran: succeeded, failed: failed, culprit: job, unrun: Array(jobs[(index + 1)...]), error: nil)
                return
            }
            if ok, database.hasPendingForeignKeyViolations {
                ok = false
                job.fail(DatabaseError(
                    extendedResultCode: ExtendedCode.constraintforeignkey, message: "FOREIGN KEY constraint failed (deferred)", sql: nil))
            }
            if ok {
                do {
                    try database.execute("RELEASE SAVEPOINT \(Self.savepoint)")
                    succeeded.append(job)
                } catch {
                    job.fail(error)
                    database.rollback(toSavepoint: Self.savepoint)
                    database.dropDeferred(after: mark)
                    failed.append(job)
                }
            } else {
                database.rollback(toSavepoint: Self.savepoint)
                database.dropDeferred(after: mark)
                failed.append(job)
            }
        }
        do {
            try database.runDeferred()
        } catch {
            // Deferred work is derived from the writes that succeeded; without it they cannot stand.
            abort(ran: succeeded, failed: failed, culprit: nil, unrun: [], error: error)
            return
        }
        do {
            try database.execute("COMMIT TRANSACTION")
        } catch {
            database.rollbackIfNeeded()
            succeeded.forEach { $0.fail(error) }
            succeeded = []
        }
        state.withLock { state in
            state.statistics.transactionsCommitted += 1
            state.statistics.writesCommitted += succeeded.count
            state.statistics.writesFailed += jobs.count - succeeded.count
            state.statistics.largestBatch = max(state.statistics.largestBatch, jobs.count)
        }
        jobs.forEach { $0.complete() }
    }

    /// The batch's transaction is gone: fail the writes that ran, retry the ones that did not,
    /// and answer those that had already `failed` on their own.
    private func abort(ran: [any WriterJob], failed: [any WriterJob], culprit: (any WriterJob)?, unrun: [any WriterJob],
                       error: (any Error)?) {
        database.rollbackIfNeeded()
        let reason = error.map { "\($0)" } ?? "another write in the same batch failed and SQLite rolled back the batch"
        for job in ran {
            job.fail(StoreError(.batchAborted, "this write was rolled back: \(reason)"))
        }
        if let error { culprit?.fail(error) }
        state.withLock { state in
            state.statistics.writesFailed += ran.count + failed.count + (culprit == nil ? 0 : 1)
            state.pending.insert(contentsOf: unrun, at: 0)
        }
        ran.forEach { $0.complete() }
        failed.forEach { $0.complete() }
        culprit?.complete()
    }
}

/// Counters of the writer since the store was opened (for tests and the benchmark).
package struct StoreStatistics: Sendable, Equatable {
    /// Batches committed: each is one transaction and one fsync of the WAL.
    package var transactionsCommitted = 0
    /// `write` closures whose work was committed.
    package var writesCommitted = 0
    /// `write` closures that failed (their work was rolled back).
    package var writesFailed = 0
    /// The most writes ever run together in one batch.
    package var largestBatch = 0
}
