import BeianStore
import Testing

@Suite("Errors carry SQLite's code, message and SQL, never arguments")
struct ErrorTests {
    @Test("a syntax error carries sqlite3_errmsg and the SQL")
    func syntax() async throws {
        try await withStore { store, _ in
            let error = try await #require(throws: DatabaseError.self) {
                try await store.read { db in try db.fetchAll("SELEC 1") }
            }
            #expect(error.resultCode == 1)
            #expect(error.message.contains("syntax error"))
            #expect(error.sql == "SELEC 1")
            #expect(error.description.contains("SELEC 1") && error.description.contains("SQLITE_ERROR"))
        }
    }

    @Test("a duplicate is a unique-constraint violation whose description hides the value")
    func unique() async throws {
        try await withStore { store, _ in
            let idNumber = "11010519491231002X"
            try await store.write { db in try db.execute("INSERT INTO person (code, name) VALUES (?, '甲')", [idNumber]) }
            let error = try await #require(throws: DatabaseError.self) {
                try await store.write { db in try db.execute("INSERT INTO person (code, name) VALUES (?, '乙')", [idNumber]) }
            }
            #expect(error.isUniqueConstraintViolation && error.isConstraintViolation && !error.isForeignKeyViolation)
            #expect(error.extendedResultCode == 2067)
            #expect(error.message.contains("person.code"))
            #expect(!error.description.contains(idNumber))
        }
    }

    @Test("a closed store refuses work with StoreError.closed")
    func closed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await Store.open(path: directory.file("c.sqlite"), migrations: [])
        await store.close()
        let writeError = try await #require(throws: StoreError.self) { try await store.write { _ in 1 } }
        #expect(writeError.code == .closed)
        let readError = try await #require(throws: StoreError.self) { try await store.read { _ in 1 } }
        #expect(readError.code == .closed)
    }
}
