import BeianRuntime
import BeianTLS
import Glibc

/// The write side: encryption and sending under `io`, then the loop's bookkeeping.
extension FramedConnection {
    /// What a flush achieved.
    enum FlushOutcome {
        /// Written as far as the kernel took it; `unsent` bytes wait for writability.
        case done(unsent: Int)
        /// Encrypted but not yet flushed (the loop flushes at the end of its read).
        case deferred
        case failed(ConnectionCloseReason)
    }

    /// What a write-through did, for the loop to complete.
    struct WriteThrough: Sendable {
        var outcome: SendableOutcome
        var finishedCalls: [Int64]
        var actions: [@Sendable () -> Void]

        var needsLoop: Bool {
            if case .done(let unsent) = outcome, unsent == 0, finishedCalls.isEmpty, actions.isEmpty { return false }
            return true
        }
    }

    /// `FlushOutcome` without the non-Sendable parts.
    enum SendableOutcome: Sendable {
        case done(unsent: Int)
        case failed(String)
    }

    /// Plaintext encrypted per step before its records are sent: the peer starts receiving (and
    /// decrypting) a large frame while the rest is still being encrypted, and the ciphertext
    /// buffer never grows to the size of the frame.
    static var encryptionSlice: Int { 256 * 1024 }

    /// Encrypts `bytes` into TLS records (caller holds `io`); returns the error instead of throwing.
    func encrypt(_ bytes: ArraySlice<UInt8>) -> TLSError? {
        bytes.withUnsafeBytes { raw -> TLSError? in
            do throws(TLSError) {
                try tls.writePlaintext(raw)
                return nil
            } catch {
                return error
            }
        }
    }

    /// Encrypts `chunks` slice by slice, sending each slice's records as far as the kernel takes
    /// them before encrypting the next (caller holds `io`).
    func encryptAndFlush(_ chunks: [[UInt8]], _ state: inout IOState) -> FlushOutcome {
        var outcome = FlushOutcome.done(unsent: state.ciphertext.count - state.offset)
        for chunk in chunks {
            var start = 0
            while start < chunk.count {
                let end = min(chunk.count, start + Self.encryptionSlice)
                if let error = encrypt(chunk[start..<end]) { return .failed(ConnectionCloseReason("TLS write failed: \(error)")) }
                outcome = flushLocked(&state)
                if case .failed = outcome { return outcome }
                start = end
            }
        }
        return outcome
    }

    /// Takes the queued frames (caller holds `io`, so nobody else takes them out of order).
    private func takeQueued() -> (chunks: [[UInt8]], finished: [Int64], actions: [@Sendable () -> Void]) {
        outbound.withLock { state in
            state.flushScheduled = false
            state.eagerFlushScheduled = false
            let taken = (state.frames.takeAll(), state.finishedCalls, state.loopActions)
            state.finishedCalls = []
            state.loopActions = []
            return taken
        }
    }

    /// Any thread, holding `io`: sends the queued frames now.
    func writeThrough(_ state: inout IOState) -> WriteThrough {
        let (chunks, finished, actions) = takeQueued()
        var outcome = SendableOutcome.done(unsent: state.ciphertext.count - state.offset)
        if !state.closed && !chunks.isEmpty {
            switch encryptAndFlush(chunks, &state) {
            case .done(let unsent): outcome = .done(unsent: unsent)
            case .failed(let reason): outcome = .failed(reason.description)
            case .deferred: break
            }
        }
        return WriteThrough(outcome: outcome, finishedCalls: finished, actions: actions)
    }

    /// Loop thread: completes a write-through (interest, failures, finished calls, actions).
    func finishWriteThrough(_ written: WriteThrough) {
        switch written.outcome {
        case .done(let unsent): afterFlush(.done(unsent: unsent))
        case .failed(let reason): afterFlush(.failed(ConnectionCloseReason(reason)))
        }
        if !written.finishedCalls.isEmpty {
            delegate?.connection(self, didFinishCalls: written.finishedCalls, at: Monotonic.nanoseconds())
        }
        for action in written.actions { action() }
    }

    /// Loop thread: hands queued frames to TLS, sends them, reports finished calls.
    func drainOutbound() {
        var finished: [Int64] = []
        var actions: [@Sendable () -> Void] = []
        let outcome = io.withLock { state -> FlushOutcome in
            let taken = takeQueued()
            finished = taken.finished
            actions = taken.actions
            guard !state.closed, !taken.chunks.isEmpty else { return .done(unsent: state.ciphertext.count - state.offset) }
            return encryptAndFlush(taken.chunks, &state)
        }
        afterFlush(outcome)
        if !finished.isEmpty { delegate?.connection(self, didFinishCalls: finished, at: Monotonic.nanoseconds()) }
        for action in actions { action() }
    }

    /// Writes pending ciphertext to the socket as far as the kernel takes it (caller holds `io`).
    func flushLocked(_ state: inout IOState) -> FlushOutcome {
        guard !state.closed else { return .done(unsent: 0) }
        tls.takeCiphertext(into: &state.ciphertext)
        while state.offset < state.ciphertext.count {
            let offset = state.offset
            let result = state.ciphertext.withUnsafeBytes { raw -> Result<Int, IOError> in
                do throws(IOError) {
                    return .success(try socket.write(UnsafeRawBufferPointer(rebasing: raw[offset...])))
                } catch {
                    return .failure(error)
                }
            }
            switch result {
            case .failure(let error): return .failed(ConnectionCloseReason("\(error)"))
            case .success(0): break
            case .success(let written): state.offset += written; continue
            }
            break
        }
        let unsent = state.ciphertext.count - state.offset
        if unsent == 0 {
            state.ciphertext.removeAll(keepingCapacity: state.ciphertext.capacity <= 64 * 1024)
            state.offset = 0
        } else if state.offset > 256 * 1024 {
            state.ciphertext.removeSubrange(0..<state.offset)
            state.offset = 0
        }
        let waiters = outbound.withLock { outbound -> [CheckedContinuation<Void, Never>] in
            outbound.queuedBytes = outbound.frames.byteCount + unsent
            guard outbound.queuedBytes <= lowWaterMark, !outbound.writabilityWaiters.isEmpty else { return [] }
            let waiters = outbound.writabilityWaiters
            outbound.writabilityWaiters = []
            return waiters
        }
        for waiter in waiters { waiter.resume() }
        return .done(unsent: unsent)
    }

    /// Loop thread: watches for writability while bytes are unsent; closes on failure or when a
    /// graceful close has flushed everything.
    func afterFlush(_ outcome: FlushOutcome) {
        guard !closed else { return }
        switch outcome {
        case .failed(let reason):
            close(reason: reason)
        case .deferred:
            needsFlush = true
        case .done(let unsent):
            let wantWritable = unsent > 0
            if wantWritable != writableInterest || stoppedReading {
                writableInterest = wantWritable
                loop.setInterest(socket.descriptor, readable: !stoppedReading, writable: wantWritable)
            }
            if unsent == 0 && closeAfterFlush { close(reason: gracefulCloseReason) }
        }
    }
}
