import BeianRuntime
import CLinux
import Foundation

/// The listening socket: accepts connections and hands each to an event loop in turn.
/// Lives on the first loop of the server's group.
final class Listener: EventLoopHandler, @unchecked Sendable {
    private let socket: Socket
    private let core: ServerCore
    let loop: EventLoop
    let address: SocketAddress

    /// Binds and listens on `host:port` (port 0 picks an ephemeral port; `address` has the real one).
    init(host: String, port: Int, core: ServerCore, loop: EventLoop) throws(IOError) {
        guard let target = try SocketAddress.resolveBlocking(host: host, port: port).first else {
            throw IOError("resolve \(host)", errno: ENOENT)
        }
        let descriptor = try Syscall.retrying("socket") {
            Foundation.socket(target.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        let socket = Socket(takingOwnershipOf: descriptor)
        var one: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        _ = try target.withSockAddr { address, length throws(IOError) in
            try Syscall.retrying("bind(\(target))") { bind(descriptor, address, length) }
        }
        _ = try Syscall.retrying("listen") { Foundation.listen(descriptor, 1024) }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.socket = socket
        self.core = core
        self.loop = loop
        self.address = SocketAddress(storage: storage)
    }

    func start() throws(IOError) {
        try loop.register(socket.descriptor, handler: self, readable: true, writable: false)
    }

    /// Stops accepting (loop thread).
    func close() {
        guard socket.isOpen else { return }
        loop.deregister(socket.descriptor)
        socket.close()
    }

    func handleEvent(readable: Bool, writable: Bool, hangUp: Bool) {
        for _ in 0..<128 {
            guard socket.isOpen else { return }
            let descriptor = beian_accept_nonblocking(socket.descriptor)
            if descriptor < 0 {
                let code = errno
                if code == EINTR || code == ECONNABORTED { continue }
                if code == EAGAIN || code == EWOULDBLOCK { return }
                // EMFILE/ENFILE and the like: log, stop for this round (the loop will retry).
                core.logger.error("accept failed", ["error": .string(IOError("accept4", errno: code).description)])
                return
            }
            guard core.admitConnection() else {
                let peer = Socket(takingOwnershipOf: descriptor)
                core.logger.warning("connection refused: connection limit reached", [
                    "limit": .int(core.configuration.maximumConnections), "remote": .string(peer.peerAddress())])
                peer.close()
                continue
            }
            let target = core.group.next()
            let core = self.core
            target.execute {
                Listener.adopt(descriptor: descriptor, core: core, loop: target)
            }
        }
    }

    /// Wraps an accepted descriptor in TLS and a server connection, on its own loop.
    private static func adopt(descriptor: Int32, core: ServerCore, loop: EventLoop) {
        let socket = Socket(takingOwnershipOf: descriptor)
        socket.setNoDelay()
        do {
            let tls = try core.tlsContext.makeConnection()
            let framed = FramedConnection(socket: socket, tls: tls, loop: loop,
                                          maximumFrameLength: core.configuration.maximumFrameLength, isConnecting: false)
            let connection = ServerConnection(core: core, connection: framed)
            core.registry(for: loop).connections[ObjectIdentifier(connection)] = connection
            do {
                try connection.start()
            } catch {
                core.registry(for: loop).connections[ObjectIdentifier(connection)] = nil
                core.logger.error("cannot register connection", ["error": .string(error.description)])
                socket.close()
                core.releaseConnection()
                return
            }
            if core.isDraining { connection.drain() }
        } catch {
            core.logger.error("cannot create a TLS session", ["error": .string(error.description)])
            socket.close()
            core.releaseConnection()
        }
    }
}
