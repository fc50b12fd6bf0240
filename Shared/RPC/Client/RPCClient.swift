import BeianJSON
import BeianRuntime
import BeianTLS
import Glibc
import Synchronization

/// A client of one Beian RPC server: one TLS connection multiplexing concurrent calls,
/// reconnecting with backoff when it is lost, async/await API.
///
/// ```swift
/// let client = try RPCClient(configuration: .init(host: "127.0.0.1", port: 7443, tls: .client(trustRootsFile: ca)))
/// let reply: VerifyResponse = try await client.unary("beian.identity.v1.Identity/Verify", request: request)
/// ```
/// Errors are `RPCError`s: the server's status, or UNAVAILABLE when no connection could be made
/// (`message` says why), DEADLINE_EXCEEDED, CANCELLED when the caller's task was cancelled.
package final class RPCClient: Sendable {
    package let configuration: ClientConfiguration
    let tlsContext: TLSContext
    /// The loops connections run on; nil for the process-wide client group (started on connect).
    let group: EventLoopGroup?
    let logger: Logger
    private let manager: ConnectionManager
    /// The loop every connection of this client runs on, chosen on first use.
    private let homeLoop = Mutex<EventLoop?>(nil)

    package convenience init(configuration: ClientConfiguration, group: EventLoopGroup? = nil, logger: Logger = .disabled) throws {
        try self.init(configuration: configuration, tlsContext: TLSContext(configuration.tls), group: group, logger: logger)
    }

    /// A client sharing an already built TLS context (its certificates and keys are read once;
    /// `configuration.tls` is then not consulted).
    package init(configuration: ClientConfiguration, tlsContext: TLSContext, group: EventLoopGroup? = nil, logger: Logger = .disabled) {
        self.configuration = configuration
        self.tlsContext = tlsContext
        self.group = group
        self.logger = logger
        self.manager = ConnectionManager()
    }

    /// Closes the connection after the calls in flight; later calls reconnect.
    package func close() {
        manager.closeCurrent()
    }

    // MARK: Unary

    /// Calls a unary method with typed messages.
    package func unary<Request: Encodable, Response: Decodable>(
        _ method: String, request: Request, as: Response.Type = Response.self, options: CallOptions = CallOptions()
    ) async throws(RPCError) -> Response {
        let message: EncodedMessage
        do {
            message = try EncodedMessage(request)
        } catch {
            throw RPCError(.invalidArgument, "cannot encode the request: \(error)")
        }
        let response = try await unaryEncoded(method, message: message, options: options)
        do {
            return try JSONCoding.decode(Response.self, from: response.message)
        } catch {
            throw RPCError(.internal, "the response does not match the expected shape: \(error)")
        }
    }

    /// Calls a unary method with JSON messages; returns the response and the trailing metadata.
    package func unaryJSON(_ method: String, message: JSONValue, options: CallOptions = CallOptions()) async throws(RPCError) -> ClientResponse {
        let encoded: EncodedMessage
        do {
            encoded = try EncodedMessage(message)
        } catch {
            throw RPCError(.invalidArgument, "cannot encode the request: \(error)")
        }
        return try await unaryEncoded(method, message: encoded, options: options)
    }

    /// Calls a unary method with an already encoded request. A call the server refused unprocessed
    /// (it was going away: idle timeout, drain) is retried once on a new connection.
    package func unaryEncoded(_ method: String, message: EncodedMessage, options: CallOptions = CallOptions()) async throws(RPCError) -> ClientResponse {
        do {
            return try await unaryOnce(method, message: message, options: options)
        } catch where error.wasNotProcessed {
            return try await unaryOnce(method, message: message, options: options)
        }
    }

    private func unaryOnce(_ method: String, message: EncodedMessage, options: CallOptions) async throws(RPCError) -> ClientResponse {
        let call = try await open(method, encoded: message, end: true, options: options).call
        var response: JSONValue?
        while true {
            switch await call.nextEventCancellable() {
            case .message(let value):
                if response == nil { response = value }
            case .finished(let error, let metadata):
                if let error { throw error }
                guard let response else { throw RPCError(.internal, "the server ended a unary call without a response message") }
                return ClientResponse(message: response, metadata: metadata)
            }
        }
    }

    // MARK: Streaming

    /// Starts a call of any kind: send request messages with `send`, finish them with `end`, read
    /// responses from `responses`. Unary and server-streaming calls can pass their one message
    /// here (`end: true` sends it with the opening frame).
    package func open(_ method: String, message: JSONValue? = nil, end: Bool = false, options: CallOptions = CallOptions()) async throws(RPCError) -> StreamingCall {
        var encoded: EncodedMessage?
        if let message {
            do {
                encoded = try EncodedMessage(message)
            } catch {
                throw RPCError(.invalidArgument, "cannot encode the request: \(error)")
            }
        }
        return try await open(method, encoded: encoded, end: end, options: options)
    }

    /// Starts a call whose first message (if any) is already encoded.
    package func open(_ method: String, encoded message: EncodedMessage?, end: Bool, options: CallOptions) async throws(RPCError) -> StreamingCall {
        let deadline = effectiveDeadline(options)
        if let deadline, deadline.hasPassed {
            throw RPCError(.deadlineExceeded, "the deadline passed before the call started")
        }
        let connection = try await manager.connection(for: self, deadline: deadline)
        guard let call = connection.makeCall() else {
            throw connection.refusal ?? RPCError(.unavailable, "the connection to \(configuration.host):\(configuration.port) is closing; retry")
        }
        let timeoutMilliseconds = deadline.map { max(1, Int64($0.remaining.milliseconds.rounded(.up))) }
        let frame = FrameWriter.open(call: call.id, method: method, metadata: options.metadata,
                                     timeoutMilliseconds: timeoutMilliseconds, message: message, end: end)
        let armDeadline: (@Sendable () -> Void)? = deadline.map { deadline in
            Self.deadlineArmer(call: call, loop: connection.framed.loop, deadline: deadline)
        }
        let sent = connection.send(frame, thenOnLoop: armDeadline)
        if !sent { call.deliver(.finished(RPCError(.unavailable, "connection closed"), metadata: [:])) }
        return StreamingCall(call: call)
    }

    /// The loop action that arms the client-side deadline timer of `call`.
    private static func deadlineArmer(call: ClientCall, loop: EventLoop, deadline: RPCDeadline) -> @Sendable () -> Void {
        { [weak call] in
            guard let call, !call.isFinished else { return }
            let token = loop.scheduleTimer(after: deadline.remaining) { [weak call] in
                call?.cancel(RPCError(.deadlineExceeded, "deadline exceeded (no answer from the server in time)"))
            }
            call.setDeadlineTimer(token)
        }
    }

    private func effectiveDeadline(_ options: CallOptions) -> RPCDeadline? {
        var candidates: [RPCDeadline] = []
        if let timeout = options.timeout ?? configuration.defaultTimeout { candidates.append(.after(timeout)) }
        if let inherited = RPCDeadline.current { candidates.append(inherited) }
        return candidates.min()
    }

    // MARK: Connection management

    /// The executor of the event loop this client's connections run on. A task that makes calls
    /// one after another, doing little between them, can prefer it
    /// (`Task(executorPreference: try client.eventLoopExecutor())`): each response then resumes
    /// the caller on the thread that read it, instead of waking a thread of the global pool.
    /// Keep heavy work off it: while it runs, the loop's connections wait.
    package func eventLoopExecutor() throws(RPCError) -> any TaskExecutor {
        try eventLoop()
    }

    /// The loop of the current connection (nil while there is none): for diagnostics and tests.
    package var connectionLoop: EventLoop? { manager.currentLoop }

    private func eventLoop() throws(RPCError) -> EventLoop {
        try homeLoop.withLock { (home: inout EventLoop?) throws(RPCError) -> EventLoop in
            if let home { return home }
            let loops: EventLoopGroup
            if let group {
                loops = group
            } else {
                do throws(IOError) {
                    loops = try EventLoopGroup.shared()
                } catch {
                    throw RPCError(.unavailable, "cannot connect to \(configuration.host):\(configuration.port): "
                                   + "no client event loop: \(error.description)")
                }
            }
            let loop = loops.next()
            home = loop
            return loop
        }
    }

    func connect() async throws(RPCError) -> ClientConnection {
        let addresses: [SocketAddress]
        do {
            addresses = try await SocketAddress.resolve(host: configuration.host, port: configuration.port)
        } catch {
            throw RPCError(.unavailable, "cannot resolve \(configuration.host): \(error.message)")
        }
        let target = "\(configuration.host):\(configuration.port)"
        let loop = try eventLoop()
        return try await ClientConnection.connect(
            to: addresses, target: target, tlsContext: tlsContext, loop: loop,
            configuration: configuration, logger: logger,
            onClose: { [weak manager] connection in manager?.forget(connection) })
    }
}

/// A unary response: the message and the trailing metadata of the OK status.
package struct ClientResponse: Sendable {
    package var message: JSONValue
    package var metadata: [String: String]
}

extension ClientCall {
    /// The next event; if the caller's task is cancelled, the call is cancelled (CANCELLED).
    func nextEventCancellable() async -> Event {
        await withTaskCancellationHandler {
            await nextEvent()
        } onCancel: {
            cancel(RPCError(.cancelled, "the call was cancelled by the caller"))
        }
    }
}
