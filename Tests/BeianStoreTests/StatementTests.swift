import BeianStore
import Foundation
import Testing

@Suite("Statements: binding, reading, cache")
struct StatementTests {
    static let roundTrips: [DatabaseValue] = [
        .null, .integer(0), .integer(Int64.max), .integer(Int64.min), .integer(-1),
        .real(3.25), .real(-0.0), .real(Double.greatestFiniteMagnitude),
        .text(""), .text("陕西省商洛市商州区 网信办"), .text("emoji 🇨🇳 and NUL \u{0} inside"), .text("'quotes' \"and\" ;"),
        .blob([]), .blob([0, 1, 2, 255]),
    ]

    @Test("values of every storage class come back unchanged", arguments: roundTrips)
    func roundTrip(value: DatabaseValue) async throws {
        let read = try await withStore { store, _ in
            let id = try await store.write { db in
                try db.execute("INSERT INTO value (v) VALUES (?)", [value])
                return db.lastInsertedRowID
            }
            return try await store.read { db in try db.fetchOne("SELECT v FROM value WHERE id = ?", [id])?[0] }
        }
        #expect(read == value)
    }

    @Test("a large blob and long Chinese text come back unchanged")
    func large() async throws {
        let blob = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let text = String(repeating: "网信办备案审核", count: 20_000)
        let (readBlob, readText) = try await withStore { store, _ in
            try await store.write { db in try db.execute("INSERT INTO value (id, v) VALUES (1, ?), (2, ?)", [blob, text]) }
            return try await store.read { db in
                (try db.fetchValue([UInt8].self, "SELECT v FROM value WHERE id = 1"),
                 try db.fetchValue(String.self, "SELECT v FROM value WHERE id = 2"))
            }
        }
        #expect(readBlob == blob)
        #expect(readText == text)
    }

    @Test("typed binding and decoding by index and by name, with NULL as nil")
    func typed() async throws {
        try await withStore { store, _ in
            let missing: String? = nil
            try await store.write { db in
                try db.execute("INSERT INTO person (id, code, name) VALUES (?, ?, ?)", [Int64.max, "A1", "张三"])
                try db.execute("INSERT INTO value (id, v) VALUES (:id, :v)", ["id": 1, "v": true])
                try db.execute("INSERT INTO value (id, v) VALUES (?, ?)", [2, missing])
                try db.execute("INSERT INTO value (id, v) VALUES (?, ?)", [3, Data([9, 8])])
            }
            try await store.read { db in
                let person = try #require(try db.fetchOne("SELECT id, code, name FROM person"))
                #expect(try person.decode(Int64.self, at: 0) == Int64.max)
                #expect(try person.decode(String.self, named: "NAME") == "张三")
                #expect(try db.fetchValue(Bool.self, "SELECT v FROM value WHERE id = 1") == true)
                let null = try #require(try db.fetchOne("SELECT v FROM value WHERE id = 2"))
                #expect(try null.decode(String?.self, at: 0) == nil)
                #expect(throws: StoreError.self) { try null.decode(String.self, at: 0) }
                #expect(try db.fetchValue(Data.self, "SELECT v FROM value WHERE id = 3") == Data([9, 8]))
            }
        }
    }

    @Test("a type mismatch names the column and types, never the value")
    func decodingError() async throws {
        try await withStore { store, _ in
            try await store.write { db in try db.execute("INSERT INTO person (code, name) VALUES ('X', '王五')") }
            let error = try await #require(throws: StoreError.self) {
                try await store.read { db in try db.fetchOne("SELECT name FROM person")?.decode(Int64.self, named: "name") }
            }
            #expect(error.code == .decoding)
            #expect(error.message.contains("'name'") && error.message.contains("TEXT"))
            #expect(!error.message.contains("王五"))
        }
    }

    @Test("statements are prepared once and reused from the cache")
    func cache() async throws {
        try await withStore { store, _ in
            let (before, after, same) = try await store.write { db in
                let sql = "INSERT INTO value (v) VALUES (?)"
                try db.execute(sql, [0])
                let before = db.cachedStatementCount
                for index in 1...50 { try db.execute(sql, [index]) }
                return (before, db.cachedStatementCount, try db.cachedStatement(sql) === db.cachedStatement(sql))
            }
            #expect(before == after)
            #expect(same)
            #expect(try await store.read { db in try db.fetchValue(Int.self, "SELECT count(*) FROM value") } == 51)
        }
    }

    @Test("argument count and names are checked")
    func argumentChecks() async throws {
        try await withStore { store, _ in
            await #expect(throws: StoreError.self) {
                try await store.write { db in try db.execute("INSERT INTO value (v) VALUES (?)", [1, 2]) }
            }
            await #expect(throws: StoreError.self) {
                try await store.write { db in try db.execute("INSERT INTO value (v) VALUES (:v)", ["w": 1]) }
            }
            await #expect(throws: StoreError.self) {
                try await store.write { db in try db.execute("SELECT 1; SELECT 2") }
            }
        }
    }
}
