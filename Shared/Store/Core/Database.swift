import CSQLite

/// One SQLite connection (`sqlite3*`), closed exactly once with `sqlite3_close_v2`.
///
/// A `Database` is what `read` and `write` closures receive. It is confined to the serial queue of
/// the store connection that owns it (SQLite runs in multi-thread mode, `SQLITE_OPEN_NOMUTEX`,
/// because that queue already serializes every call), so it is deliberately not `Sendable`.
/// Statements it prepares are cached by SQL text; see `Database+Statements.swift`.
package final class Database {
    /// The database file's path.
    package let path: String
    let handle: OpaquePointer
    var statementCache: [String: Statement] = [:]
    private(set) var isClosed = false
    /// Work deferred to the end of the group commit being run (`deferToEndOfBatch`), in order;
    /// nil when no batch is collecting (deferred work then runs at once).
    var deferredWork: [(Database) throws -> Void]?

    /// Opens (and, with `create`, creates) the file at `path` in multi-thread mode.
    init(path: String, readOnly: Bool = false, create: Bool = true) throws {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0))
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            // SQLite may hand back a connection even on failure; it must still be closed.
            let error = DatabaseError(code: code, connection: connection, sql: nil)
            sqlite3_close_v2(connection)
            throw DatabaseError(
                extendedResultCode: error.extendedResultCode, message: "\(error.message) (opening \(path))")
        }
        self.path = path
        self.handle = connection
        sqlite3_extended_result_codes(connection, 1)
    }

    deinit {
        close()
    }

    /// Finalizes cached statements and closes the connection; later calls do nothing.
    package func close() {
        guard !isClosed else { return }
        isClosed = true
        statementCache.removeAll()
        // close_v2 never fails for a valid handle: with statements still alive it becomes a zombie
        // that is freed when the last one is finalized.
        sqlite3_close_v2(handle)
    }

    /// The rowid of the most recent successful INSERT on this connection.
    package var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    package var changedRowCount: Int { Int(sqlite3_changes64(handle)) }

    /// Whether a transaction is open on this connection.
    package var isInsideTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Whether deferred foreign-key violations are pending (they would make COMMIT fail).
    var hasPendingForeignKeyViolations: Bool {
        var current: Int32 = 0
        var highwater: Int32 = 0
        sqlite3_db_status(handle, SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highwater, 0)
        return current > 0
    }

    /// The error the connection reports for a failed call returning `code`.
    func error(_ code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(code: code, connection: handle, sql: sql)
    }

    /// Throws `StoreError.closed` if the connection was closed.
    func checkOpen() throws {
        if isClosed { throw StoreError(.closed, "the connection to \(path) is closed") }
    }
}
