import BeianJSON
import BeianRuntime
import BeianTLS

/// The server side of one connection: the protocol above frames. Loop-confined.
///
/// It opens calls (checking limits, the drain state and the method), routes later frames to
/// them, answers pings, enforces deadlines, the handshake and idle timeouts and keepalive, and
/// sends the goaway on drain.
final class ServerConnection: FramedConnectionDelegate {
    private struct OpenCall {
        let call: ServerCall
        var deadlineTimer: TimerToken?
    }

    let core: ServerCore
    let connection: FramedConnection
    private var calls: [Int64: OpenCall] = [:]
    private var highestCallID: Int64 = 0
    private var draining = false
    private var handshakeTimer: TimerToken?
    private var idleTimer: TimerToken?
    /// When a call last opened or finished (monotonic nanoseconds): the idle timeout counts from
    /// here once no call is open.
    private var lastActivity = Monotonic.nanoseconds()
    private var keepaliveTimer: TimerToken?
    private var pongTimer: TimerToken?
    private var outstandingPing: Int64?
    private var pingCounter: Int64 = 0
    private var peerName = "-"
    private var logger: Logger

    init(core: ServerCore, connection: FramedConnection) {
        self.core = core
        self.connection = connection
        self.logger = core.logger.with("remote", .string(connection.remoteAddress))
    }

    var loop: EventLoop { connection.loop }

    func start() throws(IOError) {
        connection.delegate = self
        try connection.start()
        handshakeTimer = loop.scheduleTimer(after: core.configuration.handshakeTimeout) { [weak self] in
            guard let self, !self.connection.isHandshakeComplete else { return }
            self.logger.warning("TLS handshake timed out: client sent no complete handshake", [
                "timeout_ms": .double(self.core.configuration.handshakeTimeout.milliseconds)])
            self.connection.close(reason: ConnectionCloseReason("handshake timeout"))
        }
    }

    // MARK: FramedConnectionDelegate

    func connectionDidCompleteHandshake(_ connection: FramedConnection) {
        loop.cancelTimer(handshakeTimer)
        handshakeTimer = nil
        if let peer = connection.peerIdentity { peerName = peer.description }
        logger = logger.with("peer", .string(peerName))
        connection.sendOnLoop(FrameWriter.hello(
            maximumFrame: core.configuration.maximumFrameLength,
            maximumConcurrentCalls: core.configuration.maximumConcurrentCallsPerConnection))
        connection.setFinishedCallsMayWait(true)
        armIdleTimer(after: core.configuration.idleTimeout)
        scheduleKeepalive()
        if core.isDraining { drain() }
    }

    func connection(_ connection: FramedConnection, didReceiveFrame payload: [UInt8]) {
        let frame: WireFrame
        do {
            frame = try WireFrame.parse(payload)
        } catch {
            contractViolation(error)
            return
        }
        switch frame {
        case .ping(let value):
            connection.sendOnLoop(FrameWriter.pong(value))
        case .pong(let value):
            if let outstanding = outstandingPing, value.int64Value == outstanding {
                outstandingPing = nil
                loop.cancelTimer(pongTimer)
                pongTimer = nil
            }
        case .goaway:
            // The client will not open more calls; close once the current ones are done.
            draining = true
            connection.setFinishedCallsMayWait(false)
            if calls.isEmpty { connection.closeGracefully() }
        case .hello:
            break  // only servers send hello; ignore
        case .call(let callFrame):
            handleCallFrame(callFrame, size: payload.count)
        }
    }

    func connection(_ connection: FramedConnection, didFinishCalls ids: [Int64], at time: UInt64) {
        for id in ids {
            if let open = calls.removeValue(forKey: id) { loop.cancelTimer(open.deadlineTimer) }
        }
        lastActivity = max(lastActivity, time)
        if calls.isEmpty && draining { connection.closeGracefully() }
    }

    func connectionDidClose(_ connection: FramedConnection, reason: ConnectionCloseReason?) {
        for timer in [handshakeTimer, idleTimer, keepaliveTimer, pongTimer] { loop.cancelTimer(timer) }
        let open = calls
        calls = [:]
        for entry in open.values {
            loop.cancelTimer(entry.deadlineTimer)
            entry.call.abandon()
        }
        if let reason {
            if reason.isHandshakeFailure {
                logger.warning("TLS handshake failed", ["reason": .string(reason.description)])
            } else {
                logger.info("connection closed", ["reason": .string(reason.description), "peer": .string(peerName)])
            }
        }
        core.connectionClosed(self)
    }

    // MARK: Calls

    private func handleCallFrame(_ frame: CallFrame, size: Int) {
        if let open = calls[frame.id] {
            if frame.method != nil {
                // The id is in use: this call's contract is broken, end it.
                if open.call.finish(RPCError(.invalidArgument, "call id \(frame.id) is already in use by a call in flight")) {
                    open.call.cancelTask()
                }
                return
            }
            if frame.cancel {
                if open.call.finish(RPCError(.cancelled, "cancelled by the client")) { open.call.cancelTask() }
                return
            }
            if let message = frame.message { open.call.deliver(message, approximateSize: size) }
            if frame.end { open.call.deliverEnd() }
            return
        }
        guard let methodName = frame.method else {
            // A late frame for a call that already ended, or a cancel racing its status: ignore.
            if frame.cancel || frame.id <= highestCallID { return }
            connection.sendOnLoop(FrameWriter.status(call: frame.id, RPCError(
                .invalidArgument, "call \(frame.id) is not open: the first frame of a call must name a \"method\"")))
            return
        }
        highestCallID = max(highestCallID, frame.id)
        if frame.cancel { return }
        if draining {
            reject(frame.id, RPCError(.unavailable, "the server is shutting down; retry on a new connection"))
            return
        }
        guard calls.count < core.configuration.maximumConcurrentCallsPerConnection else {
            reject(frame.id, RPCError(.resourceExhausted,
                "too many calls in flight on this connection (limit \(core.configuration.maximumConcurrentCallsPerConnection))"))
            return
        }
        guard let method = core.methods[methodName] else {
            reject(frame.id, RPCError(.unimplemented, "unknown method \(methodName)"))
            return
        }
        if let timeout = frame.timeoutMilliseconds, timeout == 0 {
            reject(frame.id, RPCError(.deadlineExceeded, "the call's deadline (timeout_ms 0) had passed on arrival"))
            return
        }
        open(frame, method: method, size: size)
    }

    private func reject(_ id: Int64, _ error: RPCError) {
        logger.info("call refused", ["call_id": .int(id), "status": .string(error.code.name), "status_message": .string(error.message)])
        connection.sendOnLoop(FrameWriter.status(call: id, error))
    }

    private func open(_ frame: CallFrame, method: RPCMethod, size: Int) {
        let deadline = frame.timeoutMilliseconds.map { RPCDeadline.after(.milliseconds($0)) }
        let call = ServerCall(id: frame.id, method: method, connection: connection, logger: logger,
                              peerName: peerName, maximumFrameLength: core.configuration.maximumFrameLength)
        let context = ServerContext(
            callID: frame.id, method: method.descriptor.fullName, metadata: frame.metadata ?? [:],
            peer: connection.peerIdentity, remoteAddress: connection.remoteAddress, deadline: deadline,
            connectionLogger: logger, responseMetadata: ResponseMetadata())
        var entry = OpenCall(call: call, deadlineTimer: nil)
        if let timeout = frame.timeoutMilliseconds {
            entry.deadlineTimer = loop.scheduleTimer(after: .milliseconds(timeout)) { [weak call] in
                guard let call else { return }
                if call.finish(RPCError(.deadlineExceeded, "deadline of \(timeout) ms exceeded")) { call.cancelTask() }
            }
        }
        calls[frame.id] = entry
        lastActivity = Monotonic.nanoseconds()
        if let message = frame.message { call.deliver(message, approximateSize: size) }
        if frame.end { call.deliverEnd() }
        // The handler runs on this connection's loop: it starts after the frames at hand, without
        // waking another thread, and its response goes out from here. Bulk methods run on the pool.
        let executor: EventLoop? = method.placement == .connectionLoop ? loop : nil
        call.setTask(Task(executorPreference: executor) { await runCall(call, context) })
    }

    private func contractViolation(_ error: FrameContractError) {
        if let id = error.callID {
            if let open = calls[id] {
                if open.call.finish(RPCError(error.code, error.reason)) { open.call.cancelTask() }
            } else {
                connection.sendOnLoop(FrameWriter.status(call: id, RPCError(error.code, error.reason)))
            }
            return
        }
        logger.warning("protocol violation, closing the connection", ["reason": .string(error.reason)])
        connection.sendOnLoop(FrameWriter.goaway(lastCall: highestCallID, reason: "INVALID_ARGUMENT: \(error.reason)"))
        for entry in calls.values where entry.call.finish(RPCError(.unavailable, "connection closed: \(error.reason)")) {
            entry.call.cancelTask()
        }
        connection.closeGracefully(reason: ConnectionCloseReason("protocol violation: \(error.reason)"))
    }

    // MARK: Timers, drain

    /// One idle timer per connection, armed from the handshake on: when it fires it closes the
    /// connection if no call has been open for the idle timeout, else it looks again when that
    /// would be the case (calls opening and finishing never touch the timer).
    private func armIdleTimer(after delay: Duration) {
        loop.cancelTimer(idleTimer)
        idleTimer = loop.scheduleTimer(after: delay) { [weak self] in self?.checkIdle() }
    }

    private func checkIdle() {
        idleTimer = nil
        guard !connection.isClosed else { return }
        connection.takeWaitingFinishedCalls()
        let timeout = core.configuration.idleTimeout
        guard calls.isEmpty else { return armIdleTimer(after: timeout) }
        let idle = Duration.nanoseconds(Int64(Monotonic.nanoseconds() &- lastActivity))
        guard idle >= timeout else { return armIdleTimer(after: timeout - idle) }
        logger.info("closing idle connection", ["idle_ms": .double(timeout.milliseconds)])
        connection.sendOnLoop(FrameWriter.goaway(lastCall: highestCallID, reason: "idle timeout"))
        connection.closeGracefully()
    }

    private func scheduleKeepalive() {
        keepaliveTimer = loop.scheduleTimer(after: core.configuration.keepaliveInterval) { [weak self] in
            guard let self, !self.connection.isClosed else { return }
            self.connection.takeWaitingFinishedCalls()
            if !self.calls.isEmpty && self.outstandingPing == nil {
                self.pingCounter += 1
                self.outstandingPing = self.pingCounter
                self.connection.sendOnLoop(FrameWriter.ping(.int(self.pingCounter)))
                self.pongTimer = self.loop.scheduleTimer(after: self.core.configuration.keepaliveTimeout) { [weak self] in
                    guard let self, self.outstandingPing != nil else { return }
                    self.logger.warning("keepalive: no pong from the client, closing the connection")
                    self.connection.close(reason: ConnectionCloseReason("keepalive timeout"))
                }
            }
            self.scheduleKeepalive()
        }
    }

    /// Graceful shutdown of this connection: goaway now, close when the calls in flight are done.
    func drain() {
        guard connection.isHandshakeComplete, !connection.isClosed else {
            connection.close(reason: nil)
            return
        }
        if !draining {
            draining = true
            connection.sendOnLoop(FrameWriter.goaway(lastCall: highestCallID, reason: "the server is shutting down"))
        }
        connection.setFinishedCallsMayWait(false)
        if calls.isEmpty { connection.closeGracefully() }
    }

    /// The grace period is over: end every remaining call with UNAVAILABLE and close.
    func forceClose() {
        connection.setFinishedCallsMayWait(false)
        for entry in calls.values where entry.call.finish(RPCError(.unavailable, "the server stopped before the call finished")) {
            entry.call.cancelTask()
        }
        connection.closeGracefully()
    }
}

/// Runs a call's handler in its own task and finishes the call with the outcome.
private func runCall(_ call: ServerCall, _ context: ServerContext) async {
    do {
        let response = try await RPCDeadline.$current.withValue(context.deadline) {
            try await call.method.handler(ServerCallIO(call: call), context)
        }
        let frame = response.map { FrameWriter.message(call: call.id, encoded: $0) }
        call.finish(nil, finalMessage: frame, metadata: context.responseMetadata.all)
    } catch {
        let mapped = RPCError(mapping: error)
        if mapped.code == .internal && !(error is RPCError) && !call.isFinished {
            context.logger.error("handler failed", ["error": .string(String(describing: error))])
        }
        call.finish(mapped, metadata: context.responseMetadata.all)
    }
}
