/// `grpc.health.v1.Health`: `Check` and `Watch`, with gRPC's request and response shapes.
enum HealthService {
    static let name = "grpc.health.v1.Health"

    struct Request: Codable, Sendable {
        /// "" for the server as a whole, or a service name such as "beian.identity.v1.Identity".
        var service: String?
    }

    struct Response: Codable, Sendable {
        var status: HealthRegistry.ServingStatus
    }

    static func make(_ registry: HealthRegistry) -> RPCService {
        RPCService(name: name, summary: "Serving status of the server and of each service.", methods: [
            .unary(name, "Check", summary: "The current status; NOT_FOUND for an unknown service.",
                   request: Request.self, response: Response.self) { request, _ in
                let service = request.service ?? ""
                guard let status = registry.status(for: service) else {
                    throw RPCError(.notFound, "unknown service \"\(service)\"")
                }
                return Response(status: status)
            },
            .serverStreaming(name, "Watch", summary: "The status now and at every change; ends with UNAVAILABLE when the server shuts down.",
                             request: Request.self, response: Response.self) { request, writer, _ in
                for await status in registry.watch(request.service ?? "") {
                    try await writer.send(Response(status: status))
                }
                throw RPCError(.unavailable, "the server is shutting down")
            },
        ])
    }
}
