import COpenSSL
import Synchronization

/// Cryptographically secure random bytes from OpenSSL's CSPRNG.
///
/// Small requests (nonces, access codes, identifiers: up to 64 bytes) are served from a buffer
/// filled 4 KiB at a time: one `RAND_bytes` call costs microseconds whatever its size, which made
/// it the largest part of sealing a small value. Every byte is handed out once, then zeroed.
package enum SecureRandom {
    /// Requests up to this many bytes come from the buffer.
    static let bufferedLimit = 64

    package static func bytes(count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        guard count <= bufferedLimit else { return direct(count: count) }
        return buffer.take(count)
    }

    /// A random token of `byteCount` bytes as lowercase hexadecimal (e.g. an access code).
    package static func hexToken(byteCount: Int = 16) -> String {
        Hex.encode(bytes(count: byteCount))
    }

    /// `count` bytes straight from `RAND_bytes`.
    static func direct(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        fill(&bytes)
        return bytes
    }

    private static func fill(_ bytes: inout [UInt8]) {
        let ok = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        precondition(ok == 1, "RAND_bytes failed: \(OpenSSLError.drain("RAND_bytes"))")
    }

    private static let buffer = Buffer()

    /// Random bytes drawn ahead, handed out in order.
    private final class Buffer: Sendable {
        private struct Pool {
            var bytes = [UInt8](repeating: 0, count: 4_096)
            /// Bytes before this index were handed out (and zeroed).
            var next = 4_096
        }

        private let pool = Mutex(Pool())

        func take(_ count: Int) -> [UInt8] {
            pool.withLock { pool in
                if pool.next + count > pool.bytes.count {
                    SecureRandom.fill(&pool.bytes)
                    pool.next = 0
                }
                let range = pool.next..<(pool.next + count)
                let taken = Array(pool.bytes[range])
                pool.bytes.replaceSubrange(range, with: repeatElement(0, count: count))
                pool.next += count
                return taken
            }
        }
    }
}
