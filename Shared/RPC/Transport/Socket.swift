import BeianRuntime
import CLinux
import Glibc

/// Owns one non-blocking socket descriptor and closes it exactly once.
///
/// The descriptor is only used through this type's methods; `close()` is explicit and `deinit`
/// closes a socket that was never closed, so a dropped connection cannot leak a descriptor.
/// Confined to one event-loop thread at a time (not Sendable).
package final class Socket {
    package private(set) var descriptor: Int32
    package var isOpen: Bool { descriptor >= 0 }

    package init(takingOwnershipOf descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
    }

    package func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }

    package enum ReadResult: Equatable {
        case bytes(Int)
        case wouldBlock
        case endOfStream
    }

    /// Reads into `buffer`; never blocks.
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> ReadResult {
        while true {
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if n > 0 { return .bytes(n) }
            if n == 0 { return .endOfStream }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
            throw IOError("read", errno: code)
        }
    }

    /// Writes as much of `bytes` as the kernel takes now; returns the count (0 when it would block).
    /// Uses MSG_NOSIGNAL so a vanished peer is an EPIPE error, never a SIGPIPE.
    package func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) -> Int {
        while true {
            let n = send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if n >= 0 { return n }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return 0 }
            throw IOError("send", errno: code)
        }
    }

    /// The pending socket error (SO_ERROR), used to learn how a non-blocking connect ended.
    package func pendingError() -> Int32 {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        if getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &value, &length) != 0 { return errno }
        return value
    }

    package func setNoDelay() {
        var one: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// "address:port" of the peer, for logs.
    package func peerAddress() -> String {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let ok = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) }
        }
        guard ok == 0 else { return "unknown" }
        return SocketAddress(storage: storage).description
    }
}
