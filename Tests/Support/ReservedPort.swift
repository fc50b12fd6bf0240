import Glibc
import Synchronization

/// A loopback port held for a test: bound but not listening, so no other test's server can take
/// it and a connection to it is refused at once, as to a service that is down. `release()` frees
/// it for the test's own server to bind (a port taken from a stopped server instead can be handed
/// to another test running at the same time).
package final class ReservedPort: Sendable {
    /// Why the port could not be reserved.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The port number.
    package let port: Int
    private let descriptor: Mutex<Int32>

    /// Binds a new socket to 127.0.0.1 on a port the system picks.
    package init() throws(Failure) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else {
            let reason = String(cString: strerror(errno))
            close(socket)
            throw Failure(description: "bind: \(reason)")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        descriptor = Mutex(socket)
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
