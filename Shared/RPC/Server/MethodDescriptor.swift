import BeianJSON

/// The four shapes of a call.
package enum CallKind: String, Sendable, Codable, Hashable {
    case unary
    case serverStreaming = "server_streaming"
    case clientStreaming = "client_streaming"
    case bidirectional
}

/// A method as reflection describes it: name, kind, and the shapes of its messages.
package struct MethodDescriptor: Sendable {
    package let service: String
    package let name: String
    package let kind: CallKind
    package let summary: String
    package let requestShape: JSONValue
    package let responseShape: JSONValue

    /// `package.Service/Method`.
    package var fullName: String { "\(service)/\(name)" }
}

/// A method ready to serve: its descriptor and the type-erased handler.
///
/// The handler reads requests from and writes responses to `ServerCallIO` as JSON values; the
/// typed constructors in `RPCMethod+Typed.swift` do the decoding and encoding. It returns the
/// final response message, already encoded, for unary and client-streaming methods (sent together
/// with the OK status in one write), nil for streaming responses already sent.
package struct RPCMethod: Sendable {
    package typealias Handler = @Sendable (ServerCallIO, ServerContext) async throws -> EncodedMessage?

    package let descriptor: MethodDescriptor
    package let handler: Handler

    package init(descriptor: MethodDescriptor, handler: @escaping Handler) {
        self.descriptor = descriptor
        self.handler = handler
    }
}

/// A named set of methods (`beian.identity.v1.Identity`).
package struct RPCService: Sendable {
    package let name: String
    package let summary: String
    package let methods: [RPCMethod]

    package init(name: String, summary: String, methods: [RPCMethod]) {
        self.name = name
        self.summary = summary
        self.methods = methods
    }
}
