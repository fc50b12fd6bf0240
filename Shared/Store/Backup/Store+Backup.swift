import Dispatch
import Foundation

extension Store {
    /// Copies the live database to a new file at `destinationPath` (online backup, 在线备份) with
    /// SQLite's backup API, while writes go on.
    ///
    /// The copy runs on the writing connection in steps of `pagesPerStep` pages, each step queued
    /// like a write, so writes wait at most one step; writes made between steps are carried into
    /// the copy by SQLite. The result is written under a temporary name, switched to rollback-journal
    /// mode (one self-contained file), checked with `quick_check` and then renamed into place.
    ///
    /// - Returns: the number of database pages copied.
    /// - Throws: `StoreError.backup` if `destinationPath` exists or the copy fails.
    @discardableResult
    package func backup(to destinationPath: String, pagesPerStep: Int32 = 256) async throws -> Int {
        // File-system calls block, so they run on this queue, never on the cooperative pool.
        let queue = DispatchQueue(label: "beian.store.backup")
        let partial = destinationPath + ".partial"
        try await Store.onQueue(queue) {
            guard !FileManager.default.fileExists(atPath: destinationPath) else {
                throw StoreError(.backup, "backup destination \(destinationPath) already exists; refusing to overwrite it")
            }
            FileSystem.removeDatabaseFiles(at: partial)
        }
        do {
            let handoff = try await writeWithoutTransaction { db in
                BackupHandoff(try BackupSession(from: db, to: try Database(path: partial)))
            }
            do {
                while try await !writeWithoutTransaction({ _ in try handoff.session.step(pages: max(1, pagesPerStep)) }) {}
                try await writeWithoutTransaction { _ in try handoff.session.finish() }
            } catch {
                _ = try? await writeWithoutTransaction { _ in try handoff.session.finish() }
                throw error
            }
            return try await Store.onQueue(queue) {
                let pages = try Store.sealBackup(handoff.session.destination)
                try FileSystem.durablyRename(partial, to: destinationPath, code: .backup)
                return pages
            }
        } catch {
            _ = try? await Store.onQueue(queue) { FileSystem.removeDatabaseFiles(at: partial) }
            if let error = error as? StoreError, error.code == .backup { throw error }
            throw StoreError(.backup, "backup to \(destinationPath) failed: \(error)")
        }
    }

    /// Makes the finished copy one self-contained file, checks it, and closes it; returns its pages.
    private static func sealBackup(_ copy: Database) throws -> Int {
        defer { copy.close() }
        _ = try copy.fetchValue(String.self, "PRAGMA journal_mode = DELETE")
        let problems = try copy.quickCheck()
        guard problems.isEmpty else {
            throw StoreError(.backup, "the copy failed quick_check: \(problems.prefix(5).joined(separator: "; "))")
        }
        return try copy.fetchValue(Int.self, "PRAGMA page_count") ?? 0
    }

    /// Replaces the database at `databasePath` with the backup at `backupPath` (恢复).
    ///
    /// The backup must pass a full `integrity_check` first; it is copied with the backup API into a
    /// temporary file, which is checked again, switched to WAL mode, and renamed over
    /// `databasePath` (any stale -wal/-shm files of the old database are removed first, so they
    /// cannot be replayed onto the restored one). The database must not be open anywhere: close
    /// its `Store` (and stop its service) before restoring.
    package static func restore(backupAt backupPath: String, to databasePath: String) async throws {
        try await onQueue(DispatchQueue(label: "beian.store.restore")) {
            guard FileManager.default.fileExists(atPath: backupPath) else {
                throw StoreError(.restore, "backup file \(backupPath) does not exist")
            }
            let partial = databasePath + ".restoring"
            FileSystem.removeDatabaseFiles(at: partial)
            do {
                try copyVerified(from: backupPath, to: partial)
                FileSystem.removeDatabaseFiles(at: databasePath, includingMain: false)
                try FileSystem.durablyRename(partial, to: databasePath, code: .restore)
            } catch {
                FileSystem.removeDatabaseFiles(at: partial)
                if let error = error as? StoreError, error.code == .restore { throw error }
                throw StoreError(.restore, "restore of \(databasePath) from \(backupPath) failed: \(error)")
            }
        }
    }

    private static func copyVerified(from backupPath: String, to partial: String) throws {
        let source = try Database(path: backupPath, readOnly: true)
        defer { source.close() }
        let damage = try source.integrityCheck()
        guard damage.isEmpty else {
            throw StoreError(.restore, "backup \(backupPath) is damaged: \(damage.prefix(5).joined(separator: "; "))")
        }
        let copy = try Database(path: partial)
        defer { copy.close() }
        let session = try BackupSession(from: source, to: copy)
        var attempts = 0
        while try !session.step(pages: -1) {
            attempts += 1
            guard attempts < 500 else { throw StoreError(.restore, "backup \(backupPath) stayed locked") }
            usleep(10_000)  // on the restore queue, never the cooperative pool
        }
        try session.finish()
        let problems = try copy.integrityCheck()
        guard problems.isEmpty else {
            throw StoreError(.restore, "the restored copy failed integrity_check: \(problems.prefix(5).joined(separator: "; "))")
        }
        _ = try copy.fetchValue(String.self, "PRAGMA journal_mode = WAL")
    }
}
