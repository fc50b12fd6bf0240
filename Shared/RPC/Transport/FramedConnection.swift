import BeianRuntime
import BeianTLS
import Glibc
import Synchronization

/// What the protocol layer above a framed TLS connection is told. Called on the connection's loop.
package protocol FramedConnectionDelegate: AnyObject {
    /// The TLS handshake completed; `connection.peerIdentity` is now known.
    func connectionDidCompleteHandshake(_ connection: FramedConnection)
    /// One complete frame payload arrived.
    func connection(_ connection: FramedConnection, didReceiveFrame payload: [UInt8])
    /// Calls whose final frames were handed to TLS (queued by `enqueue(_:finishing:)`); `time`
    /// (monotonic nanoseconds) is when the last of them was handed over.
    func connection(_ connection: FramedConnection, didFinishCalls ids: [Int64], at time: UInt64)
    /// The connection is closed (by us or the peer); `reason` says why, nil for an orderly close.
    func connectionDidClose(_ connection: FramedConnection, reason: ConnectionCloseReason?)
}

/// Why a connection ended other than by an orderly close.
package struct ConnectionCloseReason: Sendable, CustomStringConvertible {
    package var description: String
    /// True when TLS refused the peer (bad certificate, wrong protocol version, garbage).
    package var isHandshakeFailure: Bool
    /// True when the peer refused our certificate, or our lack of one (a client learns this on its
    /// first read in TLS 1.3): calls fail UNAUTHENTICATED rather than UNAVAILABLE.
    package var peerRefusedOurCredentials: Bool

    package init(_ description: String, isHandshakeFailure: Bool = false, peerRefusedOurCredentials: Bool = false) {
        self.description = description
        self.isHandshakeFailure = isHandshakeFailure
        self.peerRefusedOurCredentials = peerRefusedOurCredentials
    }
}

/// A TLS connection over a non-blocking socket that speaks length-prefixed frames.
///
/// Threads and locks:
/// - The loop thread owns reading, the frame decoder, registration and closing.
/// - The TLS engine and the socket's write side are used under `io` (a mutex), by the loop or by
///   another thread that queues frames: when a task off the loop (a lone client call, a handler
///   placed on the global pool) queues a frame while the loop sleeps and nobody else is writing,
///   it encrypts and sends the frame itself ("write-through"), without waking the loop. Otherwise
///   the loop drains the queue, coalescing whatever has accumulated into one TLS write and one
///   `send`; frames queued on the loop itself leave at the end of its round of work, or as soon
///   as the task at hand returns once 16 KiB wait.
/// - `outbound` (a mutex) holds frames waiting to be written, in order. Whoever holds `io` takes
///   everything waiting at once, so frames go out in the order they were queued.
/// - Lock order: `io` before `outbound`, never the reverse.
/// Bookkeeping the protocol layer needs on the loop (finished calls, timers) still runs there,
/// after the bytes are on their way. That split is why the class is `@unchecked Sendable`.
package final class FramedConnection: EventLoopHandler, @unchecked Sendable {
    struct Outbound {
        var frames = OutboundFrames()
        var finishedCalls: [Int64] = []
        /// Finished calls whose bookkeeping waits for the loop's next reason to run (see
        /// `setFinishedCallsMayWait`), and when the last of them finished.
        var waitingFinishedCalls: [Int64] = []
        var lastWaitingFinish: UInt64 = 0
        var finishedCallsMayWait = false
        var loopActions: [@Sendable () -> Void] = []
        var flushScheduled = false
        /// A flush is due as soon as the loop's current task returns (see `eagerFlushBytes`).
        var eagerFlushScheduled = false
        var queuedBytes = 0
        var writabilityWaiters: [CheckedContinuation<Void, Never>] = []
        var isClosed = false
    }

    /// State of the write side, guarded by `io`.
    struct IOState {
        var ciphertext: [UInt8] = []
        var offset = 0
        var closed = false
    }

    package let loop: EventLoop
    package let remoteAddress: String
    package weak var delegate: (any FramedConnectionDelegate)?

    let socket: Socket
    let tls: TLSConnection
    let io = Mutex(IOState())
    let outbound = Mutex(Outbound())

    // Loop-thread state.
    var decoder: FrameDecoder
    var processingInbound = false
    var needsFlush = false
    var isConnecting: Bool
    var closeAfterFlush = false
    var gracefulCloseReason: ConnectionCloseReason?
    var stoppedReading = false
    var closed = false
    var writableInterest = false
    /// The verified peer, read from TLS once when the handshake completes.
    var verifiedPeer: PeerIdentity?

    /// Unsent bytes above which streaming writers wait, and below which they resume.
    let highWaterMark = 1 << 20
    let lowWaterMark = 256 << 10
    /// Frames queued on the loop thread wait until the loop's current round of work ends (a batch
    /// of handlers, say) and leave in one write; once this much is waiting, they leave as soon as
    /// the task at hand returns, so the peer starts on them while the rest are being produced.
    let eagerFlushBytes = 16 << 10

    /// Wraps an accepted (`isConnecting: false`) or connecting socket. Register with `start()`.
    package init(socket: Socket, tls: TLSConnection, loop: EventLoop, maximumFrameLength: Int, isConnecting: Bool) {
        self.socket = socket
        self.tls = tls
        self.loop = loop
        self.remoteAddress = socket.peerAddress()
        self.decoder = FrameDecoder(maximumFrameLength: maximumFrameLength)
        self.isConnecting = isConnecting
    }

    /// The verified peer certificate's subject once the handshake is complete (loop thread).
    package var peerIdentity: PeerIdentity? { verifiedPeer }
    package var isHandshakeComplete: Bool { io.withLock { _ in tls.isHandshakeComplete } }
    /// Loop thread: whether the connection is closed.
    package var isClosed: Bool { closed }

    /// Registers with the loop. For an outgoing connection, the handshake starts once connected.
    package func start() throws(IOError) {
        try loop.register(socket.descriptor, handler: self, readable: !isConnecting, writable: isConnecting)
    }

    // MARK: Any thread

    /// Queues a complete frame (or several) for sending, then `next` (another frame, e.g. the
    /// status after a final message, queued without joining the two); `finishing` names a call
    /// whose final frame this is, reported back through `didFinishCalls` once handed to TLS.
    /// `thenOnLoop` runs on the loop right after the frame was handed to TLS (e.g. to arm a
    /// timer). `allowWriteThrough: false` leaves the sending to the loop even when it sleeps.
    /// Returns false if the connection is already closed (the bytes are dropped).
    @discardableResult
    package func enqueue(_ frame: [UInt8], then next: [UInt8]? = nil, finishing call: Int64? = nil,
                         thenOnLoop action: (@Sendable () -> Void)? = nil, allowWriteThrough: Bool = true) -> Bool {
        let onLoop = loop.inEventLoop
        let flush = outbound.withLock { state -> (must: Bool, eager: Bool)? in
            guard !state.isClosed else { return nil }
            state.frames.append(frame)
            state.queuedBytes += frame.count
            if let next {
                state.frames.append(next)
                state.queuedBytes += next.count
            }
            if let call { state.finishedCalls.append(call) }
            if let action { state.loopActions.append(action) }
            var eager = false
            if onLoop && !state.eagerFlushScheduled && state.frames.byteCount >= eagerFlushBytes {
                state.eagerFlushScheduled = true
                eager = true
            }
            if state.flushScheduled { return (false, eager) }
            state.flushScheduled = true
            return (true, eager)
        }
        guard let flush else { return false }
        if flush.eager {
            // Not now: the caller may hold a call's lock, and a failed write closes the connection.
            loop.executeAfterCurrentTask { [self] in drainOutbound() }
        }
        if flush.must {
            // Write-through only when the loop sleeps (waking it would add latency); a busy loop
            // drains soon anyway and coalesces many frames into one TLS write and one send.
            if allowWriteThrough, !onLoop, loop.isSleeping, let written = io.withLockIfAvailable({ state in writeThrough(&state) }) {
                if written.needsLoop && !letFinishedCallsWait(written) {
                    loop.execute { [self] in finishWriteThrough(written) }
                }
            } else {
                loop.execute { [self] in drainOutbound() }
            }
        }
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

    /// After a write-through that left nothing for the loop but finished calls: keeps them for
    /// the loop's next wake-up instead of waking it now, if the delegate allows. True if kept.
    private func letFinishedCallsWait(_ written: WriteThrough) -> Bool {
        guard case .done(let unsent) = written.outcome, unsent == 0, written.actions.isEmpty else { return false }
        let now = Monotonic.nanoseconds()
        return outbound.withLock { state in
            guard state.finishedCallsMayWait, !state.isClosed else { return false }
            state.waitingFinishedCalls.append(contentsOf: written.finishedCalls)
            state.lastWaitingFinish = now
            return true
        }
    }

    // MARK: Loop thread

    /// Whether the bookkeeping of finished calls may wait for the loop's next wake-up (a frame
    /// arriving, a timer) rather than wake it at once: one thread wake-up less per call. The
    /// delegate allows it while nothing waits on calls ending (not while draining) and then
    /// calls `takeWaitingFinishedCalls()` before it looks at its calls. Turning it off reports
    /// the waiting calls now.
    package func setFinishedCallsMayWait(_ allowed: Bool) {
        outbound.withLock { $0.finishedCallsMayWait = allowed }
        if !allowed { takeWaitingFinishedCalls() }
    }

    /// Reports the finished calls kept waiting (see `setFinishedCallsMayWait`), with the time
    /// the last of them really finished.
    package func takeWaitingFinishedCalls() {
        let (ids, at) = outbound.withLock { state -> ([Int64], UInt64) in
            defer { state.waitingFinishedCalls = [] }
            return (state.waitingFinishedCalls, state.lastWaitingFinish)
        }
        guard !ids.isEmpty else { return }
        delegate?.connection(self, didFinishCalls: ids, at: at)
    }

    /// Sends a frame right away (loop thread only): used for protocol replies such as pongs,
    /// immediate statuses and goaways.
    package func sendOnLoop(_ frame: [UInt8]) {
        guard !closed else { return }
        let deferFlush = processingInbound
        let outcome = io.withLock { state -> FlushOutcome in
            if let error = encrypt(frame[...]) { return .failed(ConnectionCloseReason("TLS write failed: \(error)")) }
            return deferFlush ? .deferred : flushLocked(&state)
        }
        if case .deferred = outcome { needsFlush = true } else { afterFlush(outcome) }
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
        closeAfterFlush = true
        _ = loop.scheduleTimer(after: .seconds(2)) { [weak self] in
            guard let self, !self.closed else { return }
            self.close(reason: self.gracefulCloseReason)
        }
        afterFlush(io.withLock { state -> FlushOutcome in
            tls.close()
            return flushLocked(&state)
        })
    }

    /// Closes now, dropping anything unsent. Loop thread only.
    package func close(reason: ConnectionCloseReason?) {
        guard !closed else { return }
        closed = true
        loop.deregister(socket.descriptor)
        io.withLock { state in
            // Under the lock: no write-through can be using the descriptor as it closes.
            state.closed = true
            state.ciphertext = []
            socket.close()
        }
        let waiters = outbound.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isClosed = true
            _ = state.frames.takeAll()
            let waiters = state.writabilityWaiters
            state.writabilityWaiters = []
            return waiters
        }
        for waiter in waiters { waiter.resume() }
        delegate?.connectionDidClose(self, reason: reason)
    }

    package func handleEvent(readable: Bool, writable: Bool, hangUp: Bool) {
        if isConnecting {
            if writable || hangUp { finishConnecting() }
            return
        }
        if readable || hangUp { readAvailable() }
        if writable && !closed { afterFlush(io.withLock { state in flushLocked(&state) }) }
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
        let outcome = io.withLock { state -> FlushOutcome in
            do {
                _ = try tls.handshake()  // the ClientHello
            } catch {
                return .failed(ConnectionCloseReason("TLS handshake failed: \(error)", isHandshakeFailure: true))
            }
            return flushLocked(&state)
        }
        afterFlush(outcome)
    }
}
