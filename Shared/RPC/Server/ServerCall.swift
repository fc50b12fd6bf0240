import BeianJSON
import BeianRuntime
import Synchronization

/// One call in flight on the server: shared by the connection's loop (which delivers request
/// frames, enforces the deadline and hears cancellation) and the handler's task (which reads
/// requests and sends responses).
///
/// Exactly one final status: whoever calls `finish` first (the handler returning, the deadline
/// timer, a client cancel, a drain) wins; later finishes and sends are refused. Responses and
/// the status are queued on the connection while holding the call's lock, so a response can never
/// follow the status on the wire.
final class ServerCall: Sendable {
    private struct State {
        var finished = false
        var finalStatus: RPCStatus.Code?
        var task: Task<Void, Never>?
        var messages: [(message: JSONValue, size: Int)] = []
        var bufferedBytes = 0
        var inputEnded = false
        var waiter: CheckedContinuation<JSONValue?, any Error>?
    }

    let id: Int64
    let method: RPCMethod
    let connection: FramedConnection
    let startedAt: UInt64
    private let state = Mutex(State())
    private let logger: Logger
    private let peerName: String
    private let remoteAddress: String

    /// Requests buffered beyond what the handler has read; beyond this the call fails with
    /// RESOURCE_EXHAUSTED instead of buffering without bound.
    static let maximumBufferedRequestBytes = 8 << 20

    private let maximumFrameLength: Int

    init(id: Int64, method: RPCMethod, connection: FramedConnection, logger: Logger, peerName: String, maximumFrameLength: Int) {
        self.maximumFrameLength = maximumFrameLength
        self.id = id
        self.method = method
        self.connection = connection
        self.logger = logger
        self.peerName = peerName
        self.remoteAddress = connection.remoteAddress
        self.startedAt = Monotonic.nanoseconds()
    }

    var isFinished: Bool { state.withLock { $0.finished } }

    // MARK: Loop side

    func setTask(_ task: Task<Void, Never>) {
        let cancelNow = state.withLock { state -> Bool in
            state.task = task
            return state.finished
        }
        if cancelNow { task.cancel() }
    }

    /// Delivers a request message. If more than the buffer limit waits unread, the call is
    /// finished with RESOURCE_EXHAUSTED.
    func deliver(_ message: JSONValue, approximateSize: Int) {
        let (waiter, overflow) = state.withLock { state -> (CheckedContinuation<JSONValue?, any Error>?, Bool) in
            guard !state.finished, !state.inputEnded else { return (nil, false) }
            if let waiter = state.waiter {
                state.waiter = nil
                return (waiter, false)
            }
            state.bufferedBytes += approximateSize
            if state.bufferedBytes > Self.maximumBufferedRequestBytes { return (nil, true) }
            state.messages.append((message, approximateSize))
            return (nil, false)
        }
        waiter?.resume(returning: message)
        if overflow {
            if finish(RPCError(.resourceExhausted, "more than \(Self.maximumBufferedRequestBytes) bytes of request messages are waiting to be read by the handler")) {
                cancelTask()
            }
        }
    }

    /// The client ended its request stream.
    func deliverEnd() {
        let waiter = state.withLock { state -> CheckedContinuation<JSONValue?, any Error>? in
            state.inputEnded = true
            let waiter = state.waiter
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: nil)
    }

    func cancelTask() {
        let (task, waiter) = state.withLock { state in
            let waiter = state.waiter
            state.waiter = nil
            return (state.task, waiter)
        }
        waiter?.resume(throwing: CancellationError())
        task?.cancel()
    }

    /// The connection is gone: end the call without sending anything.
    func abandon() {
        let first = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            state.finished = true
            state.finalStatus = .cancelled
            return true
        }
        if first { log(RPCStatus.Code.cancelled, "connection closed") }
        cancelTask()
    }

    // MARK: Handler side

    func nextMessage() async throws -> JSONValue? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<JSONValue?, any Error>) in
                enum Outcome { case message(JSONValue), end, cancelled, wait }
                let outcome = state.withLock { state -> Outcome in
                    if !state.messages.isEmpty {
                        let (message, size) = state.messages.removeFirst()
                        state.bufferedBytes -= size
                        return .message(message)
                    }
                    if state.finished || Task.isCancelled { return .cancelled }
                    if state.inputEnded { return .end }
                    state.waiter = continuation
                    return .wait
                }
                switch outcome {
                case .message(let message): continuation.resume(returning: message)
                case .end: continuation.resume(returning: nil)
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .wait: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<JSONValue?, any Error>? in
                let waiter = state.waiter
                state.waiter = nil
                return waiter
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    func send(_ message: EncodedMessage) async throws {
        let frame = FrameWriter.message(call: id, encoded: message)
        guard frame.count - 4 <= maximumFrameLength else { throw oversize(frame.count - 4) }
        let accepted = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            return connection.enqueue(frame)
        }
        guard accepted else { throw CancellationError() }
        await connection.waitForWritability()
    }

    /// Ends the call: queues `finalMessage` (if any) and the status frame, logs the call.
    /// Returns false if the call had already ended (nothing is sent then).
    @discardableResult
    func finish(_ error: RPCError?, finalMessage: [UInt8]? = nil, metadata: [String: String] = [:]) -> Bool {
        if let finalMessage, finalMessage.count - 4 > maximumFrameLength {
            return finish(oversize(finalMessage.count - 4), metadata: metadata)
        }
        var statusError = error
        if statusError == nil && !metadata.isEmpty { statusError = RPCError(.ok, "", metadata: metadata) }
        if let error, error.metadata.isEmpty, !metadata.isEmpty { statusError?.metadata = metadata }
        let status = FrameWriter.status(call: id, statusError)
        let code = error?.code ?? .ok
        let first = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            state.finished = true
            state.finalStatus = code
            if let finalMessage {
                connection.enqueue(finalMessage, then: status, finishing: id)
            } else {
                connection.enqueue(status, finishing: id)
            }
            return true
        }
        if first { log(code, error?.message ?? "") }
        return first
    }

    private func oversize(_ size: Int) -> RPCError {
        RPCError(.resourceExhausted, "the response message of \(size) bytes exceeds the frame limit of \(maximumFrameLength) bytes")
    }

    private func log(_ code: RPCStatus.Code, _ message: String) {
        let level: Logger.Level = code == .internal || code == .unknown || code == .dataLoss ? .error : .info
        guard logger.isEnabled(level) else { return }
        let elapsed = Double(Monotonic.nanoseconds() - startedAt) / 1_000_000
        var metadata: [String: LogValue] = [
            "call_id": .int(id), "method": .string(method.descriptor.fullName), "peer": .string(peerName),
            "remote": .string(remoteAddress), "status": .string(code.name),
            "duration_ms": .double((elapsed * 1000).rounded() / 1000),
        ]
        if !message.isEmpty { metadata["status_message"] = .string(message) }
        logger.log(level, "call finished", metadata)
    }
}
