import CSQLite

extension Database {
    /// Settings every connection gets: busy timeout, foreign keys, no double-quoted string literals,
    /// defensive mode (no writable_schema tricks from SQL).
    func configureConnection(busyTimeout: Duration) throws {
        let milliseconds = busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
        for option in [SQLITE_DBCONFIG_DQS_DML, SQLITE_DBCONFIG_DQS_DDL] {
            _ = beian_sqlite3_db_config_int(handle, option, 0, nil)
        }
        _ = beian_sqlite3_db_config_int(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nil)
        try executeScript("PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF")
    }

    /// Writer settings: WAL journal, `synchronous = FULL`, a bounded WAL file.
    ///
    /// WAL lets readers on other connections run while a write transaction is open. With
    /// `synchronous = FULL` every COMMIT waits for the WAL to be fsynced, so an acknowledged write
    /// survives power loss (NORMAL would only be safe against process crashes).
    ///
    /// `temp_store = MEMORY` keeps the savepoint journal in memory: each write of a group commit
    /// runs in its own savepoint, and SQLite copies every page the write changes into that
    /// journal before changing it, so it can roll the one write back. On disk, that was a
    /// `pwrite` per page of every write, more than the WAL itself. The journal holds the pages of
    /// one write at a time (it empties when the savepoint is released).
    func configureWriter(busyTimeout: Duration) throws {
        try configureConnection(busyTimeout: busyTimeout)
        let mode = try fetchValue(String.self, "PRAGMA journal_mode = WAL")
        guard mode?.lowercased() == "wal" else {
            throw StoreError(.misuse, "\(path) could not switch to WAL journal mode (got \(mode ?? "nothing"))")
        }
        try executeScript("PRAGMA synchronous = FULL; PRAGMA journal_size_limit = 67108864; PRAGMA temp_store = MEMORY")
    }

    /// Reader settings: as every connection, and refuses to write (`query_only`).
    func configureReader(busyTimeout: Duration) throws {
        try configureConnection(busyTimeout: busyTimeout)
        try executeScript("PRAGMA query_only = ON")
    }
}
