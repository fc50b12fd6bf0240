import Glibc

/// One end of a pipe to or from a child process: owns its descriptor and closes it exactly once.
///
/// Reads and writes block and retry interrupted calls (EINTR, which SIGCHLD from the many child
/// processes of the end-to-end tests makes likely); call them off the cooperative pool.
package final class PipeEnd: @unchecked Sendable {
    private var descriptor: Int32

    init(takingOwnershipOf descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close() }

    /// Makes a connected pair whose two ends are close-on-exec from the start, so a child that
    /// another test spawns at the same moment cannot inherit them (the child gets its end through
    /// `dup2`). A Unix socket pair: `pipe2`, the pipe call that takes O_CLOEXEC, is a GNU
    /// extension the Glibc module does not import.
    static func makePipe() throws(ChildProcessError) -> (read: PipeEnd, write: PipeEnd) {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw ChildProcessError("socketpair", errno: errno)
        }
        return (PipeEnd(takingOwnershipOf: ends[0]), PipeEnd(takingOwnershipOf: ends[1]))
    }

    var rawDescriptor: Int32 { descriptor }

    /// Closes the descriptor (a reader sees end of file once every writer is closed).
    package func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }

    /// The next chunk of at most 64 KiB; empty at end of file (or on a read error).
    package func readChunk() -> [UInt8] {
        guard descriptor >= 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { return Array(buffer[0..<count]) }
            if count < 0 && errno == EINTR { continue }
            return []
        }
    }

    /// Everything until end of file.
    package func readToEnd() -> [UInt8] {
        var all: [UInt8] = []
        while true {
            let chunk = readChunk()
            if chunk.isEmpty { return all }
            all.append(contentsOf: chunk)
        }
    }

    /// Writes all of `bytes` (stops quietly if the reader has gone: EPIPE).
    package func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count, descriptor >= 0 {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
