import BeianStore
import Foundation
import Testing

@Suite("Idempotency records")
struct IdempotencyTests {
    @Test("a retry returns the first response without running again; another request with the key is refused")
    func retry() async throws {
        try await withStore { store, _ in
            let now = Date(timeIntervalSince1970: 1_750_000_000)
            let request = Array(#"{"name":"某某网站"}"#.utf8)
            let run: @Sendable (Database) throws -> [UInt8] = { db in
                try db.execute("INSERT INTO person (code, name) VALUES (?, '某某网站')", ["F\(UUID().uuidString)"])
                return Array("filing \(db.lastInsertedRowID)".utf8)
            }
            let first = try await store.idempotentWrite(key: "intake.Submit:k1", request: request, at: now, run)
            let second = try await store.idempotentWrite(key: "intake.Submit:k1", request: request, at: now, run)
            #expect(first == second)
            #expect(try await store.read { db in try db.fetchValue(Int.self, "SELECT count(*) FROM person") } == 1)

            let error = try await #require(throws: StoreError.self) {
                try await store.idempotentWrite(key: "intake.Submit:k1", request: Array("other".utf8), at: now, run)
            }
            #expect(error.code == .idempotencyConflict)
            let pruned = try await store.write { db in try db.deleteIdempotencyRecords(before: now.addingTimeInterval(1)) }
            #expect(pruned == 1)
        }
    }
}
