import BeianJSON

extension RPCMethod {
    /// A unary method: one request, one response.
    package static func unary<Request: Codable & Sendable, Response: Codable & Sendable>(
        _ service: String, _ name: String, summary: String = "",
        request: Request.Type = Request.self, response: Response.Type = Response.self,
        _ body: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) -> RPCMethod {
        RPCMethod(descriptor: descriptor(service, name, .unary, summary, Request.self, Response.self)) { io, context in
            let request = try decodeRequest(Request.self, try await io.singleRequest())
            return try encodeResponse(try await body(request, context))
        }
    }

    /// A server-streaming method: one request, any number of responses sent through the writer.
    package static func serverStreaming<Request: Codable & Sendable, Response: Codable & Sendable>(
        _ service: String, _ name: String, summary: String = "",
        request: Request.Type = Request.self, response: Response.Type = Response.self,
        _ body: @escaping @Sendable (Request, ResponseWriter<Response>, ServerContext) async throws -> Void
    ) -> RPCMethod {
        RPCMethod(descriptor: descriptor(service, name, .serverStreaming, summary, Request.self, Response.self)) { io, context in
            let request = try decodeRequest(Request.self, try await io.singleRequest())
            try await body(request, ResponseWriter(io: io), context)
            return nil
        }
    }

    /// A client-streaming method: any number of requests, one response.
    package static func clientStreaming<Request: Codable & Sendable, Response: Codable & Sendable>(
        _ service: String, _ name: String, summary: String = "",
        request: Request.Type = Request.self, response: Response.Type = Response.self,
        _ body: @escaping @Sendable (RequestStream<Request>, ServerContext) async throws -> Response
    ) -> RPCMethod {
        RPCMethod(descriptor: descriptor(service, name, .clientStreaming, summary, Request.self, Response.self)) { io, context in
            try encodeResponse(try await body(RequestStream(io: io), context))
        }
    }

    /// A bidirectional method: requests and responses flow independently.
    package static func bidirectional<Request: Codable & Sendable, Response: Codable & Sendable>(
        _ service: String, _ name: String, summary: String = "",
        request: Request.Type = Request.self, response: Response.Type = Response.self,
        _ body: @escaping @Sendable (RequestStream<Request>, ResponseWriter<Response>, ServerContext) async throws -> Void
    ) -> RPCMethod {
        RPCMethod(descriptor: descriptor(service, name, .bidirectional, summary, Request.self, Response.self)) { io, context in
            try await body(RequestStream(io: io), ResponseWriter(io: io), context)
            return nil
        }
    }

    /// Decodes a request; a mismatch is INVALID_ARGUMENT naming the field.
    static func decodeRequest<Request: Decodable>(_ type: Request.Type, _ value: JSONValue) throws(RPCError) -> Request {
        do {
            return try JSONCoding.decode(Request.self, from: value)
        } catch {
            throw RPCError(mapping: error)
        }
    }

    /// Encodes a response; a failure (e.g. a NaN) is our bug: INTERNAL, never a broken reply.
    static func encodeResponse<Response: Encodable>(_ response: Response) throws(RPCError) -> EncodedMessage {
        do {
            return try EncodedMessage(response)
        } catch {
            throw RPCError(.internal, "the response could not be encoded as strict JSON: \(error)")
        }
    }

    private static func descriptor<Request: Decodable, Response: Decodable>(
        _ service: String, _ name: String, _ kind: CallKind, _ summary: String, _: Request.Type, _: Response.Type
    ) -> MethodDescriptor {
        MethodDescriptor(service: service, name: name, kind: kind, summary: summary,
                         requestShape: ShapeRecorder.shape(of: Request.self),
                         responseShape: ShapeRecorder.shape(of: Response.self))
    }
}

/// Sends typed response messages of a streaming call.
package struct ResponseWriter<Response: Encodable & Sendable>: Sendable {
    let io: ServerCallIO

    /// Sends one message; suspends while the client is slow to read.
    package func send(_ response: Response) async throws {
        try await io.send(encoded: try RPCMethod.encodeResponse(response))
    }
}

/// The typed request messages of a client-streaming or bidirectional call.
///
/// A message that does not decode ends the call with INVALID_ARGUMENT naming the field and the
/// message's position in the stream.
package struct RequestStream<Request: Decodable & Sendable>: AsyncSequence, Sendable {
    package typealias Element = Request
    let io: ServerCallIO

    package struct AsyncIterator: AsyncIteratorProtocol {
        let io: ServerCallIO
        var index = 0

        package mutating func next() async throws -> Request? {
            guard let value = try await io.nextRequest() else { return nil }
            defer { index += 1 }
            do {
                return try JSONCoding.decode(Request.self, from: value)
            } catch {
                var error = error
                error.field = "messages[\(index)]" + (error.field.isEmpty ? "" : "." + error.field)
                throw RPCError(mapping: error)
            }
        }
    }

    package func makeAsyncIterator() -> AsyncIterator { AsyncIterator(io: io) }
}
