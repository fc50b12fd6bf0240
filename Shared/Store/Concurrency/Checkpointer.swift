import CSQLite
import Dispatch
import Synchronization

/// Copies committed pages from the WAL back into the database file, mostly on its own
/// connection and queue, so the writer rarely stalls on a checkpoint.
///
/// SQLite's automatic checkpoint runs inside the COMMIT of whichever write crosses 1000 WAL
/// pages, holding up every writer of that batch while 4 MB are copied and the database file is
/// fsynced. Instead, the writer's WAL hook (called after each commit with the WAL's size) asks
/// this object for a PASSIVE checkpoint every `thresholdPages` new pages; it runs beside the
/// writer, never blocks writes, and never risks committed data (commits are durable in the WAL).
///
/// A checkpoint running beside a busy writer can never catch up with the WAL's end, and SQLite
/// restarts the WAL from its beginning only once every frame has been copied back. So when the
/// WAL reaches `4 * thresholdPages`, the writer itself runs a PASSIVE checkpoint inside the hook
/// (as SQLite's automatic one does): it copies only the frames written since the last background
/// checkpoint started, after which the next write restarts the WAL and the file stops growing.
final class Checkpointer: @unchecked Sendable {
    // @unchecked: `database` is used only on `queue`; `isScheduled` is atomic; `nextRequest` and
    // `lastPages` are used only in the WAL hook, which runs on the writer queue.
    private let queue: DispatchQueue
    private let database: Database
    private let isScheduled = Atomic<Bool>(false)
    private var nextRequest: Int32
    private var lastPages: Int32 = 0
    /// New WAL pages after which a background checkpoint is requested.
    let thresholdPages: Int32

    init(database: Database, queue: DispatchQueue, thresholdPages: Int32 = 1000) {
        self.database = database
        self.queue = queue
        self.thresholdPages = thresholdPages
        self.nextRequest = thresholdPages
    }

    /// Installs the WAL hook on the writer's connection (replacing SQLite's automatic checkpoint).
    /// The writer must keep this object alive for as long as its connection is open.
    func attach(to writer: Database) {
        sqlite3_wal_hook(writer.handle, { context, connection, _, pages in
            guard let context, let connection else { return SQLITE_OK }
            Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue().walDidGrow(to: pages, writer: connection)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Called on the writer queue after each commit, with the WAL's size in pages.
    private func walDidGrow(to pages: Int32, writer: OpaquePointer) {
        if pages < lastPages { nextRequest = thresholdPages }  // the WAL restarted
        lastPages = pages
        if pages >= 4 * thresholdPages {
            sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        } else if pages >= nextRequest {
            nextRequest = pages + thresholdPages
            if !isScheduled.exchange(true, ordering: .acquiringAndReleasing) {
                queue.async { self.checkpoint() }
            }
        }
    }

    private func checkpoint() {
        isScheduled.store(false, ordering: .releasing)
        guard !database.isClosed else { return }
        // PASSIVE: copy what no reader still needs, without waiting for anyone. Failure (busy)
        // only postpones the copy to the next request.
        try? database.execute("PRAGMA wal_checkpoint(PASSIVE)")
    }

    /// Closes the checkpointer's connection (after the writer's).
    func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                self.database.close()
                continuation.resume()
            }
        }
    }
}
