import BeianJSON

/// A handler's view of its call's message streams.
package struct ServerCallIO: Sendable {
    let call: ServerCall

    /// The next request message, nil once the client ended its stream.
    /// Throws `CancellationError` when the call ends first (deadline, client cancel, disconnect).
    package func nextRequest() async throws -> JSONValue? {
        try await call.nextMessage()
    }

    /// Exactly one request message, as unary and server-streaming methods expect.
    package func singleRequest() async throws -> JSONValue {
        guard let first = try await call.nextMessage() else {
            throw RPCError(.invalidArgument, "the request message is missing: this method takes exactly one message")
        }
        guard try await call.nextMessage() == nil else {
            throw RPCError(.invalidArgument, "more than one request message: this method takes exactly one message")
        }
        return first
    }

    /// Sends one response message. Suspends while the client is slow to read (flow control).
    /// Throws `CancellationError` if the call has already ended.
    package func send(_ message: JSONValue) async throws {
        try await call.send(EncodedMessage(message))
    }

    /// Sends one response message that is already encoded.
    package func send(encoded message: EncodedMessage) async throws {
        try await call.send(message)
    }
}
