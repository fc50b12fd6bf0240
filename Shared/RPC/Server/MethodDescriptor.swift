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
    /// `package.Service/Method` (kept: every call's log and context name it).
    package let fullName: String

    package init(service: String, name: String, kind: CallKind, summary: String, requestShape: JSONValue,
                 responseShape: JSONValue) {
        self.service = service
        self.name = name
        self.kind = kind
        self.summary = summary
        self.requestShape = requestShape
        self.responseShape = responseShape
        fullName = "\(service)/\(name)"
    }
}

/// A method ready to serve: its descriptor and the type-erased handler.
///
/// The handler reads requests from and writes responses to `ServerCallIO` as JSON values; the
/// typed constructors in `RPCMethod+Typed.swift` do the decoding and encoding. It returns the
/// final response message, already encoded, for unary and client-streaming methods (sent together
/// with the OK status in one write), nil for streaming responses already sent.
package struct RPCMethod: Sendable {
    package typealias Handler = @Sendable (ServerCallIO, ServerContext) async throws -> EncodedMessage?

    /// Where a method's handler runs.
    package enum Placement: Sendable {
        /// On the event loop of the call's connection (the default): the request is read, handled
        /// and answered on one thread, with no hand-over. For handlers that do little CPU work
        /// between their `await`s, which is almost all of them.
        case connectionLoop
        /// On Swift's global concurrent pool: for bulk handlers that compute for milliseconds
        /// (a batch of 10,000 checks) and would hold up every other connection of the loop.
        case globalPool
    }

    package let descriptor: MethodDescriptor
    package let handler: Handler
    package private(set) var placement = Placement.connectionLoop

    package init(descriptor: MethodDescriptor, handler: @escaping Handler) {
        self.descriptor = descriptor
        self.handler = handler
    }

    /// This method with its handler run on Swift's global concurrent pool.
    package func runningOnGlobalPool() -> RPCMethod {
        var method = self
        method.placement = .globalPool
        return method
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
