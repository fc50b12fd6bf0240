import Foundation

/// Files only their owner may read (receipts hold access codes; materials and exports hold
/// personal data).
enum PrivateFile {
    /// Writes `bytes` to `path` with mode 0600 (set before anything is written, also when the
    /// file existed with wider permissions).
    static func save(_ bytes: [UInt8], to path: String) throws(ConsoleError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw FileErrors.cannotWrite(path)
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            let reason = FileErrors.reason(errno)
            throw ConsoleError.failure(zh: "无法将\(path)设为仅本人可读（0600）：\(reason.zh)",
                                       en: "cannot restrict \(path) to mode 0600: \(reason.en)")
        }
        try writeAll(bytes, to: descriptor, path: path)
    }

    /// Writes every byte to `descriptor`, retrying short writes and EINTR.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(ConsoleError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else {
                if written < 0 && errno == EINTR { continue }
                throw FileErrors.cannotWrite(path)
            }
            offset += written
        }
    }
}

/// A private file (mode 0600) written in pieces: the bytes go to a hidden temporary file next to
/// the destination, which takes the destination's name only on `commit()`. Dropped without a
/// commit (a failed download or export), the temporary file is removed, so a half-written file
/// never appears under the name asked for.
final class PrivateFileWriter {
    /// The destination.
    let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var committed = false
    /// Bytes written so far.
    private(set) var count = 0

    /// Creates the temporary file next to `path`.
    init(path: String) throws(ConsoleError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw FileErrors.cannotWrite(path)
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !committed { unlink(temporaryPath) }
    }

    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws(ConsoleError) {
        try PrivateFile.writeAll(bytes, to: descriptor, path: path)
        count += bytes.count
    }

    /// Flushes the file to disk and gives it the destination's name (replacing a file there).
    func commit() throws(ConsoleError) {
        guard fsync(descriptor) == 0 else {
            throw FileErrors.cannotWrite(path)
        }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            throw FileErrors.cannotWrite(path)
        }
        committed = true
    }
}
