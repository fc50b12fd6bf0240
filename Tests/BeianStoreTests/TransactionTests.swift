import BeianStore
import Testing

@Suite("Transactions and savepoints")
struct TransactionTests {
    struct Refused: Error {}

    @Test("a throwing write leaves nothing behind and rethrows its own error")
    func writeRollsBack() async throws {
        try await withStore { store, _ in
            await #expect(throws: Refused.self) {
                try await store.write { db in
                    try db.execute("INSERT INTO person (code, name) VALUES ('A', '甲')")
                    throw Refused()
                }
            }
            let count = try await store.read { db in try db.fetchValue(Int.self, "SELECT count(*) FROM person") }
            #expect(count == 0)
        }
    }

    @Test("a failed savepoint undoes only its own changes")
    func savepoint() async throws {
        try await withStore { store, _ in
            let names = try await store.write { db in
                try db.execute("INSERT INTO person (code, name) VALUES ('A', '甲')")
                _ = try? db.inSavepoint {
                    try db.execute("INSERT INTO person (code, name) VALUES ('B', '乙')")
                    try db.inSavepoint { try db.execute("INSERT INTO person (code, name) VALUES ('C', '丙')") }
                    throw Refused()
                }
                try db.inSavepoint { try db.execute("INSERT INTO person (code, name) VALUES ('D', '丁')") }
                return try db.fetchAll("SELECT name FROM person ORDER BY code").map { try $0.decode(String.self, at: 0) }
            }
            #expect(names == ["甲", "丁"])
        }
    }

    @Test("inTransaction commits on return and rolls back on throw (outside a batch)")
    func explicitTransaction() async throws {
        try await withStore { store, _ in
            try await store.writeWithoutTransaction { db in
                try db.inTransaction { try db.execute("INSERT INTO person (code, name) VALUES ('A', '甲')") }
                _ = try? db.inTransaction {
                    try db.execute("INSERT INTO person (code, name) VALUES ('B', '乙')")
                    throw Refused()
                }
                #expect(!db.isInsideTransaction)
            }
            #expect(try await store.read { db in try db.fetchValue(Int.self, "SELECT count(*) FROM person") } == 1)
        }
    }

    @Test("a read sees one snapshot and never sees uncommitted work")
    func readIsolation() async throws {
        try await withStore { store, _ in
            try await store.write { db in try db.execute("INSERT INTO person (code, name) VALUES ('A', '甲')") }
            let gate = try await WriterGate(store)
            // The writer is blocked; a read must still complete (it never waits behind writes).
            let count = try await store.read { db in try db.fetchValue(Int.self, "SELECT count(*) FROM person") }
            #expect(count == 1)
            try await gate.release()
        }
    }
}
