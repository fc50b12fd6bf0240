extension Database {
    /// How a transaction takes its lock.
    package enum TransactionKind: String, Sendable {
        /// Takes no lock until the first read (used for read snapshots).
        case deferred = "DEFERRED"
        /// Takes the write lock at once, so it cannot fail later with SQLITE_BUSY on upgrade.
        case immediate = "IMMEDIATE"
        /// Like immediate; in WAL mode the same.
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction: COMMIT if it returns, ROLLBACK if it throws.
    ///
    /// Not for `Store.write` closures, which already run inside the batch's transaction (use
    /// `inSavepoint` there); this is for readers, migrations and standalone connections.
    package func inTransaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body()
        } catch {
            rollbackIfNeeded()
            throw error
        }
        do {
            try execute("COMMIT TRANSACTION")
        } catch {
            rollbackIfNeeded()
            throw error
        }
        return result
    }

    /// Runs `body` inside a savepoint: RELEASE if it returns; ROLLBACK TO (then RELEASE) if it throws,
    /// undoing only `body`'s changes. Savepoints nest, and work inside or outside a transaction.
    package func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        let name = "beian_savepoint"
        try execute("SAVEPOINT \(name)")
        let result: T
        do {
            result = try body()
        } catch {
            rollback(toSavepoint: name)
            throw error
        }
        try execute("RELEASE SAVEPOINT \(name)")
        return result
    }

    /// Undoes work since the innermost savepoint `name` and removes it, unless SQLite already
    /// rolled the whole transaction back (after I/O errors, a full disk, or an interrupt).
    func rollback(toSavepoint name: String) {
        guard isInsideTransaction else { return }
        try? execute("ROLLBACK TRANSACTION TO SAVEPOINT \(name)")
        try? execute("RELEASE SAVEPOINT \(name)")
    }

    /// Rolls back the open transaction, if SQLite has not already done so.
    func rollbackIfNeeded() {
        guard isInsideTransaction else { return }
        try? execute("ROLLBACK TRANSACTION")
    }
}
