extension Database {
    /// Runs `work` at the end of the current group commit: after every write of the batch, in the
    /// same transaction, just before COMMIT; or at once when no batch is being run (a migration,
    /// `writeWithoutTransaction`, a connection used directly).
    ///
    /// For derived data that is much cheaper to write once per batch than once per write. The
    /// case it was made for: an FTS5 table flushes its pending terms to a new segment at every
    /// SAVEPOINT once it is part of the transaction, and the writer opens one savepoint per write;
    /// deferred, a batch's index entries are flushed once, at COMMIT.
    ///
    /// Work is dropped with its write when that write fails or is rolled back. `work` must not fail
    /// for reasons of its own write: if it throws, the whole batch is rolled back and every write
    /// in it fails with that error (as on an I/O error).
    package func deferToEndOfBatch(_ work: @escaping (Database) throws -> Void) throws {
        if deferredWork != nil {
            deferredWork!.append(work)
        } else {
            try work(self)
        }
    }

    /// Starts collecting deferred work for a batch.
    func beginDeferring() {
        deferredWork = []
    }

    /// How much work is deferred so far (a mark to drop back to when a write is rolled back).
    var deferredMark: Int { deferredWork?.count ?? 0 }

    /// Drops the work deferred after `mark`.
    func dropDeferred(after mark: Int) {
        if let count = deferredWork?.count, count > mark { deferredWork!.removeSubrange(mark...) }
    }

    /// Stops collecting and runs the collected work in order; stops at the first error.
    func runDeferred() throws {
        guard let work = deferredWork else { return }
        deferredWork = nil
        for item in work { try item(self) }
    }

    /// Stops collecting and forgets the collected work (the batch was rolled back).
    func discardDeferred() {
        deferredWork = nil
    }
}
