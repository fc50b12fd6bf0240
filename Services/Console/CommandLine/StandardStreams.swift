import Glibc

/// Writes to standard output and standard error the way Unix tools do.
///
/// `beian` ignores SIGPIPE (a server closing its socket must not kill the client), so writing to
/// a pipe whose reader is gone (`beian filing list --all | head -1`) fails with EPIPE instead of
/// ending the process. Foundation's `FileHandle.write(_:)` turns that failure into a crash; here
/// standard output going away ends the process quietly as SIGPIPE would (status 141 in a shell),
/// and standard error going away only drops the text.
enum StandardStreams {
    /// Writes `text` to standard output; ends the process quietly when nobody reads it any more.
    static func output(_ text: String) {
        if write(Array(text.utf8), to: STDOUT_FILENO) == EPIPE { endForBrokenPipe() }
    }

    /// Writes `text` to standard error (dropped when nobody reads it).
    static func error(_ text: String) {
        _ = write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes every byte, retrying short writes and EINTR; returns the errno that stopped it, or 0.
    @discardableResult
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Ends the process as the default action of SIGPIPE would: killed by the signal, which shells
    /// report as status 141 without a message.
    static func endForBrokenPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        _exit(128 + SIGPIPE)
    }
}
