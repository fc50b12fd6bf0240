import BeianJSON
import BeianRPC
import Foundation
import Testing
import TestSupport

@Suite("Health and reflection")
struct HealthAndReflectionTests {
    @Test("health check answers SERVING for the server and each service, NOT_FOUND for unknown names")
    func healthCheck() async throws {
        try await withTestServer { server in
            let client = try server.client()
            #expect(try await client.unaryJSON("grpc.health.v1.Health/Check", message: ["service": ""]).message == ["status": "SERVING"])
            #expect(try await client.unaryJSON("grpc.health.v1.Health/Check", message: ["service": "beian.echo.v1.Echo"]).message == ["status": "SERVING"])
            let error = try #require(await capturedRPCError { try await client.unaryJSON("grpc.health.v1.Health/Check", message: ["service": "nope"]) })
            #expect(error.code == .notFound)
        }
    }

    @Test("health watch reports changes of a service's status")
    func healthWatch() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let watch = try await client.open("grpc.health.v1.Health/Watch", message: ["service": "beian.echo.v1.Echo"], end: true)
            var updates = watch.responses.makeAsyncIterator()
            #expect(try await updates.next() == ["status": "SERVING"])
            server.server.health.setStatus(.notServing, for: "beian.echo.v1.Echo")
            #expect(try await updates.next() == ["status": "NOT_SERVING"])
            server.server.health.setStatus(.serving, for: "beian.echo.v1.Echo")
            #expect(try await updates.next() == ["status": "SERVING"])
            watch.cancel()
        }
    }

    @Test("reflection lists services and describes methods with kinds and message shapes")
    func reflection() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let list = try await client.unaryJSON("beian.reflection.v1.Reflection/ListServices", message: [:]).message
            let names = list["services"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(names == ["beian.echo.v1.Echo", "beian.reflection.v1.Reflection", "grpc.health.v1.Health"])
            let echo = try await client.unaryJSON("beian.reflection.v1.Reflection/DescribeService", message: ["service": "beian.echo.v1.Echo"]).message
            let methods = try #require(echo["methods"]?.arrayValue)
            let expand = try #require(methods.first { $0["name"] == "Expand" })
            #expect(expand["kind"] == "server_streaming")
            #expect(expand["full_name"] == "beian.echo.v1.Echo/Expand")
            #expect(expand["request"] == ["type": "object", "fields": [
                ["type": "string", "name": "text", "required": true],
                ["type": "integer", "name": "count", "required": true],
            ]])
            let health = try await client.unaryJSON("beian.reflection.v1.Reflection/DescribeService", message: ["service": "grpc.health.v1.Health"]).message
            let check = try #require(health["methods"]?.arrayValue?.first)
            #expect(check["response"]?["fields"]?.arrayValue?.first?["enum"] == ["UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"])
            #expect(check["request"]?["fields"]?.arrayValue?.first?["required"] == false)
        }
    }
}
