import Glibc

/// A failed system call: which call, the errno, and the system's text for it.
package struct IOError: Error, Sendable, Hashable, CustomStringConvertible {
    package var operation: String
    package var errnoCode: Int32

    package init(_ operation: String, errno code: Int32) {
        self.operation = operation
        self.errnoCode = code
    }

    package var message: String { String(cString: strerror(errnoCode)) }
    package var description: String { "\(operation) failed: \(message) (errno \(errnoCode))" }
}

/// System calls with errno captured immediately and EINTR retried.
///
/// errno must be read right after the failing call, before anything else (ARC traffic, logging)
/// can overwrite it; every wrapper here does that and returns a typed `IOError`.
enum Syscall {
    /// Runs `body` until it does not fail with EINTR. Returns the result, or throws with errno.
    @inline(__always)
    static func retrying<T: BinaryInteger>(_ operation: String, _ body: () -> T) throws(IOError) -> T {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = errno
            if code == EINTR { continue }
            throw IOError(operation, errno: code)
        }
    }
}
