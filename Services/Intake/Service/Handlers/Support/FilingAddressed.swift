import BeianJSON
import BeianRPC

/// A request about one filing, named by `filingId`. Every such request's id is normalized
/// (`FilingIdentifier.normalize`: full-width, spaces, lower case) before its handler sees it: the
/// `unary` and `serverStreaming` overloads below are chosen for these request types, so handlers
/// (and `requireActor`, the look-ups, the messages) only ever see the stored form of an id.
package protocol FilingAddressed {
    /// The filing's id as sent.
    var filingId: String { get set }
}

extension FilingAddressed {
    /// This request with its filing id in the stored form.
    package func normalizingFilingID() -> Self {
        var request = self
        request.filingId = FilingIdentifier.normalize(filingId)
        return request
    }
}

extension GetFilingRequest: FilingAddressed {}
extension DiffVersionsRequest: FilingAddressed {}
extension ReviewFilingRequest: FilingAddressed {}
extension ResubmitFilingRequest: FilingAddressed {}
extension ChangeFilingRequest: FilingAddressed {}
extension CloseFilingRequest: FilingAddressed {}
extension TransferFilingRequest: FilingAddressed {}
extension GetTransferRequest: FilingAddressed {}
extension MaterialRequest: FilingAddressed {}

extension RPCMethod {
    /// A unary method about one filing: as `unary`, with the request's filing id normalized.
    package static func unary<Request: FilingAddressed & Codable & Sendable, Response: Codable & Sendable>(
        _ service: String, _ name: String, summary: String = "",
        request: Request.Type = Request.self, response: Response.Type = Response.self,
        _ body: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) -> RPCMethod {
        anyUnary(service, name, summary, Request.self, Response.self) { request, context in
            try await body(request.normalizingFilingID(), context)
        }
    }

    /// A server-streaming method about one filing: as `serverStreaming`, with the filing id normalized.
    package static func serverStreaming<Request: FilingAddressed & Codable & Sendable, Response: Codable & Sendable>(
        _ service: String, _ name: String, summary: String = "",
        request: Request.Type = Request.self, response: Response.Type = Response.self,
        _ body: @escaping @Sendable (Request, ResponseWriter<Response>, ServerContext) async throws -> Void
    ) -> RPCMethod {
        anyServerStreaming(service, name, summary, Request.self, Response.self) { request, writer, context in
            try await body(request.normalizingFilingID(), writer, context)
        }
    }

    // Where `Request` is not known to be `FilingAddressed`, so that these call BeianRPC's methods.
    private static func anyUnary<Request: Codable & Sendable, Response: Codable & Sendable>(
        _ service: String, _ name: String, _ summary: String, _ request: Request.Type, _ response: Response.Type,
        _ body: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) -> RPCMethod {
        unary(service, name, summary: summary, request: request, response: response, body)
    }

    private static func anyServerStreaming<Request: Codable & Sendable, Response: Codable & Sendable>(
        _ service: String, _ name: String, _ summary: String, _ request: Request.Type, _ response: Response.Type,
        _ body: @escaping @Sendable (Request, ResponseWriter<Response>, ServerContext) async throws -> Void
    ) -> RPCMethod {
        serverStreaming(service, name, summary: summary, request: request, response: response, body)
    }
}
