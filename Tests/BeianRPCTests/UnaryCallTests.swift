import BeianJSON
import BeianRPC
import BeianTLS
import Foundation
import Testing
import TestSupport

@Suite("Unary calls over TLS")
struct UnaryCallTests {
    @Test("echo round trip with metadata and Chinese text")
    func echo() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let message: JSONValue = ["name": "开平发布", "followers": 5000, "nested": ["ok": true]]
            let response = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: message,
                                                      options: CallOptions(metadata: ["x-request-id": "r1"]))
            #expect(response.message == message)
        }
    }

    @Test("unknown method answers UNIMPLEMENTED naming the method")
    func unknownMethod() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let error = try #require(await capturedRPCError { try await client.unaryJSON("beian.nothing.v1.Nothing/Do", message: [:]) })
            #expect(error.code == .unimplemented)
            #expect(error.message.contains("beian.nothing.v1.Nothing/Do"))
        }
    }
}
