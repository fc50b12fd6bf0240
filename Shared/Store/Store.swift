import Dispatch
import Synchronization

/// A service's SQLite database (数据库): one writing connection with group commit, and a few
/// read-only connections, each on its own serial dispatch queue.
///
/// ```swift
/// let store = try await Store.open(path: path, migrations: IntakeSchema.migrations)
/// let id = try await store.write { db in
///     try db.execute("INSERT INTO filing(name) VALUES (?)", ["某某网站"])
///     try db.appendAudit(actor: staff, action: "filing.create", subject: "...", details: "{}", at: now)
///     return db.lastInsertedRowID
/// }
/// let rows = try await store.read { db in try db.fetchAll("SELECT * FROM filing") }
/// ```
///
/// SQLite is never called on the cooperative thread pool or an event loop: closures run on the
/// connection's queue and the caller awaits. The file uses WAL with `synchronous = FULL`, foreign
/// keys on, and is checked with `PRAGMA quick_check` at open (or later, in the background, with
/// `checkIntegrity()`: see `StoreConfiguration.quickCheckOnOpen`). Open one `Store` per file per process.
package final class Store: Sendable {
    /// The database file's path.
    package let path: String
    /// Migrations this open applied (empty when the schema was already current), for logs.
    package let appliedMigrations: [String]
    let writer: GroupCommitWriter
    private let readers: [ReaderConnection]
    private let nextReader = Atomic<Int>(0)

    private init(path: String, appliedMigrations: [String], writer: GroupCommitWriter, readers: [ReaderConnection]) {
        self.path = path
        self.appliedMigrations = appliedMigrations
        self.writer = writer
        self.readers = readers
    }

    /// Opens (creating if needed) the database at `path`, checks it, and brings its schema up to
    /// date with `migrations` (the service's own list, in order; include `AuditLog.migration` and
    /// `IdempotencyRecords.migration` if the service uses them).
    ///
    /// - Throws: `StoreError.integrity` if `quick_check` finds damage; `StoreError.unknownMigrations`
    ///   if the file was migrated by a newer build; `StoreError.migrationFailed`; `DatabaseError`.
    package static func open(
        path: String, migrations: [Migration], configuration: StoreConfiguration = StoreConfiguration()
    ) async throws -> Store {
        let queue = DispatchQueue(label: "\(configuration.label).writer", qos: .userInitiated)
        let (writer, applied) = try await onQueue(queue) { () throws -> (GroupCommitWriter, [String]) in
            let database = try Database(path: path)
            try database.configureWriter(busyTimeout: configuration.busyTimeout)
            if configuration.quickCheckOnOpen {
                let problems = try database.quickCheck()
                guard problems.isEmpty else {
                    throw StoreError(.integrity, "quick_check of \(path) failed: \(problems.prefix(5).joined(separator: "; "))")
                }
            }
            let applied = try Migrator(migrations: migrations).migrate(database)
            let checkpointerDatabase = try Database(path: path)
            try checkpointerDatabase.configureConnection(busyTimeout: configuration.busyTimeout)
            let checkpointer = Checkpointer(
                database: checkpointerDatabase,
                queue: DispatchQueue(label: "\(configuration.label).checkpointer", qos: .utility),
                thresholdPages: max(1, configuration.checkpointThresholdPages))
            checkpointer.attach(to: database)
            let writer = GroupCommitWriter(
                database: database, queue: queue, maximumBatchSize: configuration.maximumBatchSize,
                checkpointer: checkpointer)
            return (writer, applied)
        }
        var readers: [ReaderConnection] = []
        for index in 0..<max(1, configuration.readerCount) {
            let readerQueue = DispatchQueue(label: "\(configuration.label).reader\(index)", qos: .userInitiated)
            readers.append(try await onQueue(readerQueue) {
                let database = try Database(path: path)
                try database.configureReader(busyTimeout: configuration.busyTimeout)
                return ReaderConnection(database: database, queue: readerQueue)
            })
        }
        return Store(path: path, appliedMigrations: applied, writer: writer, readers: readers)
    }

    /// Runs `body` in a write transaction shared with other concurrent writes (group commit) and
    /// returns its result once the transaction is durable on disk.
    ///
    /// `body` runs inside its own savepoint: if it throws, only its changes are rolled back and
    /// the error is rethrown here, while the other writes of the batch commit. Never run BEGIN,
    /// COMMIT or ROLLBACK in `body`; use `db.inSavepoint` for nested all-or-nothing steps.
    package func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            writer.submit(ClosureJob(batchable: true, body: body, continuation: continuation))
        }
    }

    /// Runs `body` alone on the writing connection, outside any transaction (maintenance such as
    /// `VACUUM`, `PRAGMA wal_checkpoint`, or a hand-managed transaction), in order with writes.
    package func writeWithoutTransaction<T: Sendable>(
        _ body: @escaping @Sendable (Database) throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            writer.submit(ClosureJob(batchable: false, body: body, continuation: continuation))
        }
    }

    /// Runs `body` on a read-only connection, in one snapshot of the last committed state.
    /// Reads do not wait behind writes.
    package func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let index = nextReader.wrappingAdd(1, ordering: .relaxed).oldValue
        return try await readers[index % readers.count].read(body)
    }

    /// Lets pending writes finish, then closes every connection. Later calls fail with `StoreError.closed`.
    package func close() async {
        _ = try? await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            writer.submit(ClosureJob(batchable: false, body: { $0.close() }, continuation: continuation), closing: true)
        }
        for reader in readers { await reader.close() }
        await writer.checkpointer.close()
    }

    /// Writer counters since open: batches (transactions) committed, writes committed and failed.
    package var statistics: StoreStatistics { writer.statistics }

    /// Writes waiting for the writer (for tests that need a batch to form).
    package var pendingWriteCount: Int { writer.pendingCount }

    /// Runs blocking work on `queue` and returns its result to the awaiting task.
    static func onQueue<T: Sendable>(_ queue: DispatchQueue, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result(catching: work)) }
        }
    }
}
