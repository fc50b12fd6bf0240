import CSQLite

/// One run of SQLite's online backup API (`sqlite3_backup`), finished exactly once.
///
/// Confined to the queue of the source connection while it runs (the store's writer queue for an
/// online backup, so writes made meanwhile through the same connection are copied too).
final class BackupSession {
    private var handle: OpaquePointer?
    /// Kept alive while the backup runs.
    let source: Database
    /// The file being written.
    let destination: Database

    /// Starts a backup of `source`'s main database into `destination`'s.
    init(from source: Database, to destination: Database) throws {
        guard let handle = sqlite3_backup_init(destination.handle, "main", source.handle, "main") else {
            throw destination.error(sqlite3_errcode(destination.handle), sql: nil)
        }
        self.handle = handle
        self.source = source
        self.destination = destination
    }

    deinit {
        if let handle { sqlite3_backup_finish(handle) }
    }

    /// Copies up to `pages` pages (-1: all that remain); true once the copy is complete.
    /// A busy or locked source is not an error: the next step tries again.
    func step(pages: Int32) throws -> Bool {
        guard let handle else { return true }
        let code = sqlite3_backup_step(handle, pages)
        switch code & 0xFF {
        case SQLITE_DONE: return true
        case SQLITE_OK, SQLITE_BUSY, SQLITE_LOCKED: return false
        default: throw destination.error(code, sql: nil)
        }
    }

    /// Pages in the source database, as of the last step.
    var pageCount: Int { handle.map { Int(sqlite3_backup_pagecount($0)) } ?? 0 }

    /// Releases the backup; throws the error of any failed step.
    func finish() throws {
        guard let handle else { return }
        self.handle = nil
        let code = sqlite3_backup_finish(handle)
        guard code == SQLITE_OK else { throw destination.error(code, sql: nil) }
    }
}

/// Carries a backup between the writer jobs that step it.
final class BackupHandoff: @unchecked Sendable {
    // @unchecked: used by one backup task at a time, and only inside jobs on the writer queue
    // until `session` is finished; afterwards only by that task (each hand-off is ordered by an await).
    let session: BackupSession
    init(_ session: BackupSession) { self.session = session }
}
