import BeianTLS
import Glibc

/// The read side, on the loop thread: socket reads, TLS decryption (under `io`), frames.
extension FramedConnection {
    /// What one decryption step produced, handled outside the lock.
    private enum InboundStep {
        case handshakeInProgress
        case data(handshakeCompleted: Bool, received: Bool, peerClosed: Bool)
        case failed(ConnectionCloseReason)
    }

    func readAvailable() {
        // Calls that finished since the last wake-up are closed first, so the frames read now
        // meet an up-to-date list of calls (the per-connection limit counts them).
        takeWaitingFinishedCalls()
        processingInbound = true
        defer {
            processingInbound = false
            if needsFlush && !closed {
                needsFlush = false
                afterFlush(io.withLock { state in flushLocked(&state) })
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
            let count: Int
            switch result {
            case .wouldBlock:
                return
            case .endOfStream:
                let midHandshake = !isHandshakeComplete
                close(reason: midHandshake ? ConnectionCloseReason("peer closed the connection during the TLS handshake", isHandshakeFailure: true) : nil)
                return
            case .bytes(let n):
                count = n
            }
            let received = UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<count])
            let step = io.withLock { state in decrypt(received, &state) }
            switch step {
            case .failed(let reason):
                close(reason: reason)
                return
            case .handshakeInProgress:
                break
            case .data(let handshakeCompleted, let received, let peerClosed):
                if handshakeCompleted {
                    verifiedPeer = io.withLock { _ in tls.peerIdentity }
                    delegate?.connectionDidCompleteHandshake(self)
                }
                if received { deliverFrames() }
                if peerClosed {
                    close(reason: nil)
                    return
                }
            }
            // A short read drained the socket; epoll is level-triggered, so anything that
            // arrives later is reported again: no need for a read that returns EAGAIN.
            if count < loop.readBuffer.count { return }
        }
    }

    /// Feeds received ciphertext to TLS and decrypts what it can straight into the frame decoder
    /// (holding `io`).
    private func decrypt(_ received: UnsafeRawBufferPointer, _ state: inout IOState) -> InboundStep {
        guard !state.closed else { return .handshakeInProgress }
        tls.receiveCiphertext(received)
        var handshakeCompleted = false
        if !tls.isHandshakeComplete {
            do {
                handshakeCompleted = try tls.handshake()
            } catch {
                _ = flushLocked(&state)  // deliver the alert, if any
                return .failed(ConnectionCloseReason("TLS handshake failed: \(error)", isHandshakeFailure: true,
                                                      peerRefusedOurCredentials: error.peerRefusedOurCredentials))
            }
            if !handshakeCompleted {
                if case .failed(let reason) = flushLocked(&state) { return .failed(reason) }
                return .handshakeInProgress
            }
            if case .failed(let reason) = flushLocked(&state) { return .failed(reason) }
        }
        var peerClosed = false
        var received = false
        reading: while true {
            do {
                switch try decoder.appendInPlace({ (buffer) throws(TLSError) in try tls.readPlaintext(into: &buffer) }) {
                case .wantMore: break reading
                case .closed:
                    peerClosed = true
                    break reading
                case .bytes:
                    received = true
                    continue
                }
            } catch {
                return .failed(ConnectionCloseReason("TLS error: \(error)", peerRefusedOurCredentials: error.peerRefusedOurCredentials))
            }
        }
        if tls.hasCiphertextToSend { needsFlush = true }
        return .data(handshakeCompleted: handshakeCompleted, received: received, peerClosed: peerClosed)
    }

    private func deliverFrames() {
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
}
