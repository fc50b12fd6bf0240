import BeianJSON
import Synchronization

/// `beian.reflection.v1.Reflection`: which services a server has, and for each method its kind
/// and the shapes of its request and response messages (see `ShapeRecorder`).
enum ReflectionService {
    static let name = "beian.reflection.v1.Reflection"

    /// The services to describe, filled in once the server's list is complete.
    final class Catalog: Sendable {
        private let services = Mutex<[RPCService]>([])
        func set(_ list: [RPCService]) { services.withLock { $0 = list } }
        var all: [RPCService] { services.withLock { $0 } }
    }

    struct ListRequest: Codable, Sendable {}

    struct ServiceSummary: Codable, Sendable {
        var name: String
        var summary: String
    }

    struct ListResponse: Codable, Sendable {
        var services: [ServiceSummary]
    }

    struct DescribeRequest: Codable, Sendable {
        var service: String
    }

    struct MethodDescription: Codable, Sendable {
        var name: String
        var fullName: String
        var kind: CallKind
        var summary: String
        var request: JSONValue
        var response: JSONValue
    }

    struct DescribeResponse: Codable, Sendable {
        var name: String
        var summary: String
        var methods: [MethodDescription]
    }

    static func make(_ catalog: Catalog) -> RPCService {
        RPCService(name: name, summary: "Lists services and describes their methods and message shapes.", methods: [
            .unary(name, "ListServices", summary: "Every service this server answers.",
                   request: ListRequest.self, response: ListResponse.self) { _, _ in
                ListResponse(services: catalog.all.map { ServiceSummary(name: $0.name, summary: $0.summary) }
                    .sorted { $0.name < $1.name })
            },
            .unary(name, "DescribeService", summary: "The methods of one service; NOT_FOUND for an unknown name.",
                   request: DescribeRequest.self, response: DescribeResponse.self) { request, _ in
                guard let service = catalog.all.first(where: { $0.name == request.service }) else {
                    throw RPCError(.notFound, "unknown service \"\(request.service)\"")
                }
                return DescribeResponse(name: service.name, summary: service.summary, methods: service.methods.map {
                    MethodDescription(name: $0.descriptor.name, fullName: $0.descriptor.fullName, kind: $0.descriptor.kind,
                                      summary: $0.descriptor.summary, request: $0.descriptor.requestShape,
                                      response: $0.descriptor.responseShape)
                })
            },
        ])
    }
}
