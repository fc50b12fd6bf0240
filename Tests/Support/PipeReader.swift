import Foundation

/// Reads a pipe with `read(2)`, retrying interrupted reads.
///
/// Foundation's `FileHandle.readDataToEndOfFile()` and `availableData` stop the process with a
/// fatal error when a read is interrupted by a signal (EINTR), which SIGCHLD from the many child
/// processes of the end-to-end tests makes likely; these helpers retry instead.
package enum PipeReader {
    /// The next chunk (empty at end of file).
    package static func read(_ handle: FileHandle) -> Data {
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 { return Data(buffer[0..<count]) }
            if count == 0 { return Data() }
            if errno == EINTR { continue }
            return Data()
        }
    }

    /// Everything until end of file.
    package static func readToEnd(_ handle: FileHandle) -> Data {
        var all = Data()
        while true {
            let chunk = read(handle)
            if chunk.isEmpty { return all }
            all.append(chunk)
        }
    }
}
