import Foundation

/// Files only their owner may read (receipts hold access codes).
enum PrivateFile {
    /// Writes `bytes` to `path` with mode 0600 (set before anything is written, also when the
    /// file existed with wider permissions).
    static func save(_ bytes: [UInt8], to path: String) throws(ConsoleError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ConsoleError.failure("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            throw ConsoleError.failure("cannot restrict \(path) to mode 0600: \(String(cString: strerror(errno)))")
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else {
                if written < 0 && errno == EINTR { continue }
                throw ConsoleError.failure("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
