/// How a `Store` opens and runs its connections. Every property has a safe default.
package struct StoreConfiguration: Sendable {
    /// How long a connection waits for a lock held by another connection before SQLITE_BUSY.
    package var busyTimeout: Duration = .seconds(5)
    /// Read-only connections for `read` (at least 1). Reads never wait behind writes (WAL).
    package var readerCount = 2
    /// At most this many `write` closures share one transaction (one fsync).
    package var maximumBatchSize = 512
    /// WAL growth, in pages, after which a background checkpoint copies pages back into the
    /// database file (the writer catches up itself at four times this; see `Checkpointer`).
    package var checkpointThresholdPages: Int32 = 1000
    /// Run `PRAGMA quick_check` at open and refuse a damaged file. Turn it off for large files
    /// (the check reads the whole file) and run `Store.checkIntegrity()` after start instead.
    package var quickCheckOnOpen = true
    /// Prefix of the dispatch queue labels (shows in debuggers and crash logs).
    package var label = "beian.store"

    /// The defaults.
    package init() {}
}
