import Dispatch

/// A read-only connection whose isolated methods run on its own serial queue.
///
/// In WAL mode a reader sees the last committed state and never waits for the writer.
actor ReaderConnection {
    private let executor: DispatchQueueExecutor
    private let database: Database

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Takes ownership of an opened, configured reader connection and the queue it must run on.
    init(database: Database, queue: DispatchQueue) {
        self.database = database
        self.executor = DispatchQueueExecutor(queue: queue)
    }

    /// Runs `body` in a deferred transaction so all its queries see one consistent snapshot.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try database.checkOpen()
        return try database.inTransaction(.deferred) { try body(database) }
    }

    /// Closes the connection; later reads fail with `StoreError.closed`.
    func close() {
        database.close()
    }
}
