import Foundation

/// Small file operations the backup and restore need, with errors that name the file.
enum FileSystem {
    /// Removes a database file's leftovers: the file itself, and its -wal, -shm and -journal files.
    static func removeDatabaseFiles(at path: String, includingMain: Bool = true) {
        let paths = (includingMain ? [path] : []) + ["-wal", "-shm", "-journal"].map { path + $0 }
        for path in paths { unlink(path) }
    }

    /// Atomically moves `from` to `to` and makes the rename durable (fsync of the directory).
    static func durablyRename(_ from: String, to: String, code: StoreError.Code) throws {
        guard rename(from, to) == 0 else {
            throw StoreError(code, "cannot rename \(from) to \(to): \(String(cString: strerror(errno)))")
        }
        let directory = (to as NSString).deletingLastPathComponent
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        fsync(descriptor)
    }
}
