import BeianJSON
import BeianRPC
import IntakeService

/// Streaming calls of `beian.intake.v1.Intake` (materials, export).
extension IntakeConnection {
    /// Opens a client-streaming call of `METHOD`: send messages, `end()`, then `collect()`.
    func openUpload(_ method: String, metadata: [String: String] = [:]) async throws(RPCError) -> StreamingCall {
        try await client.open(IntakeService.name + "/" + method,
                              options: CallOptions(metadata: metadata, timeout: streamTimeout))
    }

    /// Opens a server-streaming call of `METHOD` with its one request; iterate the responses
    /// (iteration throws the call's `RPCError` when it fails).
    func openStream<Request: Encodable & Sendable, Response: Decodable & Sendable>(
        _ method: String, _ request: Request, as: Response.Type, metadata: [String: String] = [:]
    ) async throws(RPCError) -> AsyncThrowingMapSequence<ResponseMessages, Response> {
        let message: JSONValue
        do {
            message = try JSONCoding.encodeValue(request)
        } catch {
            throw RPCError(.invalidArgument, "cannot encode the request: \(error)")
        }
        let call = try await client.open(IntakeService.name + "/" + method, message: message, end: true,
                                         options: CallOptions(metadata: metadata, timeout: streamTimeout))
        return call.responses.decoded(as: Response.self)
    }
}

extension Error {
    /// The call's status when this is an RPC failure (iteration of responses throws `any Error`).
    var asRPCError: RPCError {
        if let error = self as? RPCError { return error }
        return RPCError(.internal, "cannot read the response: \(self)")
    }
}
