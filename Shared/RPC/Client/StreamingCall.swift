import BeianJSON

/// An open call: send request messages, end the request stream, read responses.
package struct StreamingCall: Sendable {
    let call: ClientCall

    /// Sends one request message.
    package func send(_ message: JSONValue) throws(RPCError) {
        guard !call.isFinished else { throw RPCError(.failedPrecondition, "the call has already ended") }
        let encoded: EncodedMessage
        do {
            encoded = try EncodedMessage(message)
        } catch {
            throw RPCError(.invalidArgument, "cannot encode the request: \(error)")
        }
        _ = call.connection.send(FrameWriter.clientFrame(call: call.id, message: encoded, end: false))
    }

    /// Sends a typed request message.
    package func send<Message: Encodable>(_ message: Message) throws(RPCError) {
        guard !call.isFinished else { throw RPCError(.failedPrecondition, "the call has already ended") }
        let encoded: EncodedMessage
        do {
            encoded = try EncodedMessage(message)
        } catch {
            throw RPCError(.invalidArgument, "cannot encode the request: \(error)")
        }
        _ = call.connection.send(FrameWriter.clientFrame(call: call.id, message: encoded, end: false))
    }

    /// Ends the request stream (the server's handler sees no more messages).
    package func end() {
        guard !call.isFinished else { return }
        _ = call.connection.send(FrameWriter.clientFrame(call: call.id, message: nil, end: true))
    }

    /// Cancels the call.
    package func cancel() {
        call.cancel(RPCError(.cancelled, "the call was cancelled by the caller"))
    }

    /// The response messages; iteration throws the `RPCError` of a non-OK final status.
    package var responses: ResponseMessages { ResponseMessages(call: call) }

    /// Reads every response (for server-streaming calls) until the final status.
    package func collect() async throws(RPCError) -> [JSONValue] {
        var all: [JSONValue] = []
        while true {
            switch await call.nextEventCancellable() {
            case .message(let value): all.append(value)
            case .finished(let error, _):
                if let error { throw error }
                return all
            }
        }
    }
}

/// Response messages of a call, as an async sequence.
package struct ResponseMessages: AsyncSequence, Sendable {
    package typealias Element = JSONValue
    let call: ClientCall

    package struct AsyncIterator: AsyncIteratorProtocol {
        let call: ClientCall
        var done = false

        package mutating func next() async throws -> JSONValue? {
            guard !done else { return nil }
            switch await call.nextEventCancellable() {
            case .message(let value):
                return value
            case .finished(let error, _):
                done = true
                if let error { throw error }
                return nil
            }
        }
    }

    package func makeAsyncIterator() -> AsyncIterator { AsyncIterator(call: call) }

    /// The same messages decoded as `Message`.
    package func decoded<Message: Decodable & Sendable>(as type: Message.Type) -> AsyncThrowingMapSequence<ResponseMessages, Message> {
        map { value in try JSONCoding.decode(Message.self, from: value) }
    }
}
