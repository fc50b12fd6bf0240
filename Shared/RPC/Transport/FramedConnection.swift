import BeianRuntime
import BeianTLS
import Foundation
import Synchronization

/// What the protocol layer above a framed TLS connection is told. Called on the connection's loop.
package protocol FramedConnectionDelegate: AnyObject {
    /// The TLS handshake completed; `connection.peerIdentity` is now known.
    func connectionDidCompleteHandshake(_ connection: FramedConnection)
    /// One complete frame payload arrived.
    func connection(_ connection: FramedConnection, didReceiveFrame payload: [UInt8])
    /// Calls whose final frames were handed to TLS (queued by `enqueue(_:finishing:)`).
    func connection(_ connection: FramedConnection, didFinishCalls ids: [Int64])
    /// The connection is closed (by us or the peer); `reason` says why, nil for an orderly close.
    func connectionDidClose(_ connection: FramedConnection, reason: ConnectionCloseReason?)
}

/// Why a connection ended other than by an orderly close.
package struct ConnectionCloseReason: Sendable, CustomStringConvertible {
    package var description: String
    /// True when TLS refused the peer (bad certificate, wrong protocol version, garbage).
    package var isHandshakeFailure: Bool

    package init(_ description: String, isHandshakeFailure: Bool = false) {
        self.description = description
        self.isHandshakeFailure = isHandshakeFailure
    }
}

/// A TLS connection over a non-blocking socket that speaks length-prefixed frames.
///
/// The socket, the TLS engine and the frame decoder are confined to the connection's event loop.
/// Other threads only call `enqueue(_:finishing:)` and `waitForWritability()`, which go through
/// a mutex: frames queued from many handler tasks are coalesced and handed to TLS in one go per
/// loop turn (one TLS write, one `send`). That split is why the class is `@unchecked Sendable`.
package final class FramedConnection: EventLoopHandler, @unchecked Sendable {
    private struct Outbound {
        var plaintext: [UInt8] = []
        var finishedCalls: [Int64] = []
        var loopActions: [@Sendable () -> Void] = []
        var flushScheduled = false
        var queuedBytes = 0
        var writabilityWaiters: [CheckedContinuation<Void, Never>] = []
        var isClosed = false
    }

    package let loop: EventLoop
    package let remoteAddress: String
    package weak var delegate: (any FramedConnectionDelegate)?

    private let socket: Socket
    private let tls: TLSConnection
    private var decoder: FrameDecoder
    private var plaintext: [UInt8] = []
    private var ciphertext: [UInt8] = []
    private var ciphertextOffset = 0
    private var processingInbound = false
    private var needsFlush = false
    private var isConnecting: Bool
    private var closeAfterFlush = false
    private var gracefulCloseReason: ConnectionCloseReason?
    private var stoppedReading = false
    private var closed = false
    private let outbound = Mutex(Outbound())

    /// Unsent bytes above which streaming writers wait, and below which they resume.
    private let highWaterMark = 1 << 20
    private let lowWaterMark = 256 << 10

    /// Wraps an accepted (`isConnecting: false`) or connecting socket. Register with `start()`.
    package init(socket: Socket, tls: TLSConnection, loop: EventLoop, maximumFrameLength: Int, isConnecting: Bool) {
        self.socket = socket
        self.tls = tls
        self.loop = loop
        self.remoteAddress = socket.peerAddress()
        self.decoder = FrameDecoder(maximumFrameLength: maximumFrameLength)
        self.isConnecting = isConnecting
    }

    package var peerIdentity: PeerIdentity? { tls.peerIdentity }
    package var isHandshakeComplete: Bool { tls.isHandshakeComplete }
    package var isClosed: Bool { closed }

    /// Registers with the loop. For an outgoing connection, the handshake starts once connected.
    package func start() throws(IOError) {
        try loop.register(socket.descriptor, handler: self, readable: !isConnecting, writable: isConnecting)
    }

    // MARK: Any thread

    /// Queues a complete frame (or several) for sending; `finishing` names a call whose final
    /// frame this is, reported back through `didFinishCalls` once handed to TLS.
    /// Returns false if the connection is already closed (the bytes are dropped).
    /// `thenOnLoop` runs on the loop right after the frame was handed to TLS (e.g. to arm a timer
    /// without a second wake-up).
    @discardableResult
    package func enqueue(_ frame: [UInt8], finishing call: Int64? = nil, thenOnLoop action: (@Sendable () -> Void)? = nil) -> Bool {
        let schedule = outbound.withLock { state -> Bool? in
            guard !state.isClosed else { return nil }
            state.plaintext.append(contentsOf: frame)
            state.queuedBytes += frame.count
            if let call { state.finishedCalls.append(call) }
            if let action { state.loopActions.append(action) }
            if state.flushScheduled { return false }
            state.flushScheduled = true
            return true
        }
        guard let schedule else { return false }
        if schedule { loop.execute { [self] in drainOutbound() } }
        return true
    }

    /// Suspends while more than ~1 MiB is queued for this peer (a slow reader), so a streaming
    /// handler cannot buffer without bound. Returns at once when the connection closes.
    package func waitForWritability() async {
        let mustWait = outbound.withLock { $0.queuedBytes > highWaterMark && !$0.isClosed }
        guard mustWait else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = outbound.withLock { state -> Bool in
                if state.queuedBytes <= highWaterMark || state.isClosed { return true }
                state.writabilityWaiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    // MARK: Loop thread

    /// Sends a frame right away (loop thread only): used for protocol replies such as pongs,
    /// immediate statuses and goaways.
    package func sendOnLoop(_ frame: [UInt8]) {
        guard !closed else { return }
        if let error = encrypt(frame) {
            close(reason: ConnectionCloseReason("TLS write failed: \(error)"))
            return
        }
        if processingInbound { needsFlush = true } else { flushCiphertext() }
    }

    /// Sends everything queued, then a close_notify, then closes; stops reading at once. If the
    /// peer does not take the bytes within 2 seconds the socket is closed anyway. `reason` is what
    /// the delegate is told at the end. Loop thread only.
    package func closeGracefully(reason: ConnectionCloseReason? = nil) {
        guard !closed, !closeAfterFlush else { return }
        stoppedReading = true
        gracefulCloseReason = reason
        drainOutbound()
        guard !closed else { return }
        tls.close()
        closeAfterFlush = true
        _ = loop.scheduleTimer(after: .seconds(2)) { [weak self] in
            guard let self, !self.closed else { return }
            self.close(reason: self.gracefulCloseReason)
        }
        flushCiphertext()
    }

    /// Closes now, dropping anything unsent. Loop thread only.
    package func close(reason: ConnectionCloseReason?) {
        guard !closed else { return }
        closed = true
        loop.deregister(socket.descriptor)
        socket.close()
        let waiters = outbound.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isClosed = true
            state.plaintext = []
            let waiters = state.writabilityWaiters
            state.writabilityWaiters = []
            return waiters
        }
        for waiter in waiters { waiter.resume() }
        plaintext = []
        ciphertext = []
        delegate?.connectionDidClose(self, reason: reason)
    }

    package func handleEvent(readable: Bool, writable: Bool, hangUp: Bool) {
        if isConnecting {
            if writable || hangUp { finishConnecting() }
            return
        }
        if readable || hangUp { readAvailable() }
        if writable && !closed { flushCiphertext() }
    }

    private func finishConnecting() {
        let error = socket.pendingError()
        guard error == 0 else {
            close(reason: ConnectionCloseReason("connect to \(remoteAddress) failed: \(String(cString: strerror(error)))"))
            return
        }
        isConnecting = false
        socket.setNoDelay()
        loop.setInterest(socket.descriptor, readable: true, writable: false)
        driveHandshake()
        flushCiphertext()
    }

    private func readAvailable() {
        processingInbound = true
        defer {
            processingInbound = false
            if needsFlush && !closed {
                needsFlush = false
                flushCiphertext()
            }
        }
        // Bounded per event so one busy connection cannot starve the others on this loop.
        for _ in 0..<16 {
            guard !closed, !stoppedReading else { return }
            let result: Socket.ReadResult
            do {
                result = try socket.read(into: loop.readBuffer)
            } catch {
                close(reason: ConnectionCloseReason("\(error)"))
                return
            }
            switch result {
            case .wouldBlock:
                return
            case .endOfStream:
                close(reason: tls.isHandshakeComplete ? nil : ConnectionCloseReason("peer closed the connection during the TLS handshake", isHandshakeFailure: true))
                return
            case .bytes(let count):
                tls.receiveCiphertext(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<count]))
                if !tls.isHandshakeComplete {
                    driveHandshake()
                    guard tls.isHandshakeComplete, !closed else {
                        needsFlush = true
                        if count < loop.readBuffer.count { return }
                        continue
                    }
                }
                readPlaintext()
                needsFlush = needsFlush || tls.hasCiphertextToSend
                // A short read drained the socket; epoll is level-triggered, so anything that
                // arrives later is reported again: no need for a read that returns EAGAIN.
                if count < loop.readBuffer.count { return }
            }
        }
    }

    private func driveHandshake() {
        do {
            if try tls.handshake() {
                flushCiphertext()
                delegate?.connectionDidCompleteHandshake(self)
            }
        } catch {
            flushCiphertext()  // deliver the alert, if any
            close(reason: ConnectionCloseReason("TLS handshake failed: \(error)", isHandshakeFailure: true))
        }
    }

    private func readPlaintext() {
        while !closed {
            let result: TLSReadResult
            do {
                result = try tls.readPlaintext(into: &plaintext)
            } catch {
                close(reason: ConnectionCloseReason("TLS error: \(error)"))
                return
            }
            switch result {
            case .wantMore:
                return
            case .closed:
                deliverFrames()
                close(reason: nil)
                return
            case .bytes:
                deliverFrames()
            }
        }
    }

    private func deliverFrames() {
        guard !plaintext.isEmpty else { return }
        decoder.append(plaintext)
        plaintext.removeAll(keepingCapacity: plaintext.capacity <= 64 * 1024)
        while !closed && !stoppedReading {
            let frame: [UInt8]?
            do {
                frame = try decoder.nextFrame()
            } catch {
                switch error {
                case .frameTooLarge(let declared, let limit):
                    frameTooLarge(declared: declared, limit: limit)
                }
                return
            }
            guard let frame else { return }
            delegate?.connection(self, didReceiveFrame: frame)
        }
    }

    /// The peer announced a frame above our limit: we cannot find the next frame boundary without
    /// reading it, so the connection ends with a goaway naming the limit.
    private func frameTooLarge(declared: UInt32, limit: Int) {
        let reason = "RESOURCE_EXHAUSTED: frame of \(declared) bytes exceeds the limit of \(limit) bytes"
        sendOnLoop(FrameWriter.goaway(lastCall: 0, reason: reason))
        closeGracefully(reason: ConnectionCloseReason(reason))
    }

    /// Encrypts `bytes` into TLS records; returns the error instead of throwing (array buffer
    /// closures do not carry typed throws).
    private func encrypt(_ bytes: [UInt8]) -> TLSError? {
        bytes.withUnsafeBytes { raw -> TLSError? in
            do throws(TLSError) {
                try tls.writePlaintext(raw)
                return nil
            } catch {
                return error
            }
        }
    }

    /// Hands queued frames to TLS and reports finished calls. Loop thread only.
    private func drainOutbound() {
        let (bytes, finished, actions) = outbound.withLock { state -> ([UInt8], [Int64], [@Sendable () -> Void]) in
            state.flushScheduled = false
            let bytes = state.plaintext
            let finished = state.finishedCalls
            let actions = state.loopActions
            state.plaintext = []
            state.finishedCalls = []
            state.loopActions = []
            return (bytes, finished, actions)
        }
        if !closed && !bytes.isEmpty {
            if let error = encrypt(bytes) {
                close(reason: ConnectionCloseReason("TLS write failed: \(error)"))
            }
            if !closed { flushCiphertext() }
        }
        if !finished.isEmpty { delegate?.connection(self, didFinishCalls: finished) }
        for action in actions { action() }
    }

    /// Writes pending ciphertext to the socket, watching for writability if the kernel is full.
    private func flushCiphertext() {
        guard !closed else { return }
        tls.takeCiphertext(into: &ciphertext)
        while ciphertextOffset < ciphertext.count {
            let offset = ciphertextOffset
            let result = ciphertext.withUnsafeBytes { raw -> Result<Int, IOError> in
                do throws(IOError) {
                    return .success(try socket.write(UnsafeRawBufferPointer(rebasing: raw[offset...])))
                } catch {
                    return .failure(error)
                }
            }
            guard case .success(let written) = result else {
                if case .failure(let error) = result { close(reason: ConnectionCloseReason("\(error)")) }
                return
            }
            if written == 0 { break }
            ciphertextOffset += written
        }
        let unsent = ciphertext.count - ciphertextOffset
        if unsent == 0 {
            ciphertext.removeAll(keepingCapacity: ciphertext.capacity <= 64 * 1024)
            ciphertextOffset = 0
        } else if ciphertextOffset > 256 * 1024 {
            ciphertext.removeSubrange(0..<ciphertextOffset)
            ciphertextOffset = 0
        }
        loop.setInterest(socket.descriptor, readable: !stoppedReading, writable: unsent > 0)
        let waiters = outbound.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.queuedBytes = state.plaintext.count + unsent
            guard state.queuedBytes <= lowWaterMark, !state.writabilityWaiters.isEmpty else { return [] }
            let waiters = state.writabilityWaiters
            state.writabilityWaiters = []
            return waiters
        }
        for waiter in waiters { waiter.resume() }
        if unsent == 0 && closeAfterFlush { close(reason: gracefulCloseReason) }
    }
}
