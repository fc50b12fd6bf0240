import BeianRuntime
import CLinux
import Glibc

/// The listening socket: accepts connections and hands each to an event loop in turn.
/// Lives on the first loop of the server's group.
final class Listener: EventLoopHandler, @unchecked Sendable {
    private let socket: Socket
    private let core: ServerCore
    let loop: EventLoop
    let address: SocketAddress
    /// Set while accepting is paused after running out of descriptors (loop thread only).
    private var resumeTimer: TimerToken?

    /// How long accepting pauses when the process (EMFILE) or the system (ENFILE) has no
    /// descriptor left, or the kernel no memory: the pending connection stays in the backlog and
    /// the listening socket stays readable, so retrying at once would spin the loop.
    static let exhaustionPauseMilliseconds = 100

    /// Binds and listens on `host:port` (port 0 picks an ephemeral port; `address` has the real one).
    init(host: String, port: Int, core: ServerCore, loop: EventLoop) throws(IOError) {
        guard let target = try SocketAddress.resolveBlocking(host: host, port: port).first else {
            throw IOError("resolve \(host)", errno: ENOENT)
        }
        let descriptor = try Syscall.retrying("socket") {
            Glibc.socket(target.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        let socket = Socket(takingOwnershipOf: descriptor)
        var one: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        _ = try target.withSockAddr { address, length throws(IOError) in
            try Syscall.retrying("bind(\(target))") { bind(descriptor, address, length) }
        }
        _ = try Syscall.retrying("listen") { Glibc.listen(descriptor, 1024) }
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
        loop.cancelTimer(resumeTimer)
        resumeTimer = nil
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
                pauseAccepting(after: IOError("accept4", errno: code))
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

    /// Stops watching the listening socket for `exhaustionPauseMilliseconds`, then watches it again: one
    /// log line per pause instead of a busy loop, and connections already open keep running.
    private func pauseAccepting(after error: IOError) {
        guard resumeTimer == nil else { return }
        core.logger.error("accept failed; accepting paused", [
            "error": .string(error.description), "pause_ms": .int(Self.exhaustionPauseMilliseconds)])
        loop.setInterest(socket.descriptor, readable: false, writable: false)
        resumeTimer = loop.scheduleTimer(after: .milliseconds(Self.exhaustionPauseMilliseconds)) { [self] in
            resumeTimer = nil
            guard socket.isOpen else { return }
            loop.setInterest(socket.descriptor, readable: true, writable: false)
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
