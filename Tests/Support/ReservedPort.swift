import Foundation
import Glibc
import Synchronization

/// A loopback port held for a test: bound but not listening, so that a connection to it is
/// refused at once, as to a service that is down. `release()` frees it for the test's own server
/// to bind.
///
/// The port is chosen below the system's ephemeral range (`ip_local_port_range`), where the
/// kernel never hands out ports to `bind(0)` or `connect`: once released, no other test's server
/// or connection can take it before the test's server binds it. (A port taken from a stopped
/// server, as before, could be taken by a test running at the same time: seen as EADDRINUSE.)
package final class ReservedPort: Sendable {
    /// Why the port could not be reserved.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    private enum BindResult {
        case success(Int32)
        case failure(Int32)
    }

    /// The port number.
    package let port: Int
    private let descriptor: Mutex<Int32>

    /// Binds a new socket to 127.0.0.1 on a free port below the ephemeral range.
    package init() throws(Failure) {
        let ceiling = min(Self.ephemeralRangeStart(), 65_536)
        let floor = max(10_000, ceiling / 2)
        guard ceiling - floor > 100 else { throw Failure(description: "no ports below the ephemeral range") }
        for _ in 0..<200 {
            let candidate = Int.random(in: floor..<ceiling)
            switch Self.bindSocket(port: candidate) {
            case .success(let socket):
                port = candidate
                descriptor = Mutex(socket)
                return
            case .failure(let error) where error == EADDRINUSE:
                continue
            case .failure(let error):
                throw Failure(description: "bind: \(String(cString: strerror(error)))")
            }
        }
        throw Failure(description: "no free port found below \(ceiling)")
    }

    /// The first port of the kernel's ephemeral range (32768 when it cannot be read).
    private static func ephemeralRangeStart() -> Int {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
    }

    /// A TCP socket bound to 127.0.0.1:`port`, or the errno.
    private static func bindSocket(port: Int) -> BindResult {
        // Close-on-exec: a child process that other tests start meanwhile must not inherit the
        // socket, or the port stays taken after `release()` (seen: EADDRINUSE in the full suite).
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { return .failure(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard bound else {
            let error = errno
            close(socket)
            return .failure(error)
        }
        return .success(socket)
    }

    /// Frees the port (once; later calls do nothing).
    package func release() {
        descriptor.withLock { socket in
            if socket >= 0 { close(socket) }
            socket = -1
        }
    }

    deinit { release() }
}
