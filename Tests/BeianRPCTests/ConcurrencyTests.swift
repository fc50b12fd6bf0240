import BeianJSON
import BeianRPC
import Foundation
import Testing
import TestSupport

@Suite("Concurrency and limits")
struct ConcurrencyTests {
    @Test("1,000 concurrent calls on one connection all succeed with their own answers")
    func thousandCallsOneConnection() async throws {
        try await withTestServer { server in
            let client = try server.client()
            let results = try await withThrowingTaskGroup(of: (Int, JSONValue).self) { group in
                for index in 0..<1000 {
                    group.addTask {
                        let response = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: ["n": .int(Int64(index))])
                        return (index, response.message)
                    }
                }
                var all: [(Int, JSONValue)] = []
                for try await result in group { all.append(result) }
                return all
            }
            #expect(results.count == 1000)
            for (index, message) in results { #expect(message["n"] == .int(Int64(index))) }
            #expect(server.server.connectionCount == 1)
        }
    }

    @Test("200 connections at once, each making calls")
    func twoHundredConnections() async throws {
        try await withTestServer(configure: { $0.loopCount = 2 }) { server in
            let clients = try (0..<200).map { _ in try server.client() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, client) in clients.enumerated() {
                    group.addTask {
                        for round in 0..<3 {
                            let response = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: ["c": .int(Int64(index)), "r": .int(Int64(round))])
                            #expect(response.message["c"] == .int(Int64(index)))
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(server.server.connectionCount == 200)
            for client in clients { client.close() }
        }
    }

    @Test("calls beyond the per-connection limit get RESOURCE_EXHAUSTED")
    func perConnectionLimit() async throws {
        let probe = ProbeService()
        try await withTestServer(services: [probe.service], configure: { $0.maximumConcurrentCallsPerConnection = 3 }) { server in
            let client = try server.client()
            let waiting = (0..<3).map { index in
                Task { try await client.unaryJSON("test.v1.Probe/Wait", message: ["tag": .string("limit\(index)")]) }
            }
            for index in 0..<3 { #expect(await probe.wait(for: "started", of: "limit\(index)")) }
            let error = try #require(await capturedRPCError { try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: [:]) })
            #expect(error.code == .resourceExhausted)
            #expect(error.message.contains("limit 3"))
            for task in waiting { task.cancel() }
        }
    }

    @Test("with a limit of one call per connection, calls one after another never count the finished ones")
    func finishedCallsFreeTheirPlace() async throws {
        try await withTestServer(configure: { $0.maximumConcurrentCallsPerConnection = 1 }) { server in
            let client = try server.client()
            for index in 0..<50 {
                let response = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: ["n": .int(Int64(index))])
                #expect(response.message["n"] == .int(Int64(index)))
            }
            #expect(server.server.connectionCount == 1)
        }
    }

    @Test("connections beyond the server's limit are closed at once and logged")
    func connectionLimit() async throws {
        try await withTestServer(configure: { $0.maximumConnections = 2 }) { server in
            let first = try server.client()
            let second = try server.client()
            _ = try await first.unaryJSON("beian.echo.v1.Echo/Echo", message: [:])
            _ = try await second.unaryJSON("beian.echo.v1.Echo/Echo", message: [:])
            let third = try server.client()
            let error = try #require(await capturedRPCError { try await third.unaryJSON("beian.echo.v1.Echo/Echo", message: [:]) })
            #expect(error.code == .unavailable)
            #expect(server.logs.lines.contains { $0.contains("connection limit reached") })
        }
    }
}
