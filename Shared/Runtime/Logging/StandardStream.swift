import Glibc

/// The process's standard output and standard error, written unbuffered and whole (what
/// `FileHandle.standardOutput.write` did, without Foundation): ready lines, usage and fatal
/// start-up messages. Logs go through `JSONLinesLogHandler` instead.
package enum StandardStream: Sendable {
    case output
    case error

    /// The file descriptor: 1 or 2.
    package var fileDescriptor: Int32 { self == .output ? 1 : 2 }

    /// Writes all of `text` as UTF-8; gives up silently if the stream is closed.
    package func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = Self.writeAll(UnsafeRawBufferPointer($0), to: fileDescriptor) }
    }

    /// Writes all of `bytes` to `descriptor`, retrying after interrupts and short writes; returns
    /// false if the descriptor refuses (closed pipe, full disk).
    @discardableResult
    package static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
