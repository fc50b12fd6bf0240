import BeianStore
import Testing

@Suite("Migrations: named, ordered, recorded, newer schemas refused")
struct MigrationTests {
    static let v1 = Migration("people.v1", sql: "CREATE TABLE person (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL) STRICT")
    /// Splits "family given" into two columns by rebuilding the table (foreign keys are off meanwhile).
    static let v2 = Migration("people.v2.split-name") { db in
        try db.executeScript("""
            CREATE TABLE person_new (id INTEGER PRIMARY KEY, family TEXT NOT NULL, given TEXT NOT NULL) STRICT;
            INSERT INTO person_new (id, family, given)
                SELECT id, substr(full_name, 1, 1), substr(full_name, 2) FROM person;
            DROP TABLE person;
            ALTER TABLE person_new RENAME TO person
            """)
    }
    static let v3 = Migration("people.v3.index", sql: "CREATE INDEX person_family ON person (family)")

    @Test("an older database is migrated forward and its data moved")
    func upgrade() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("m.sqlite")
        let old = try await Store.open(path: path, migrations: [Self.v1])
        #expect(old.appliedMigrations == ["people.v1"])
        try await old.write { db in try db.execute("INSERT INTO person (full_name) VALUES ('张三丰'), ('李四')") }
        await old.close()

        let new = try await Store.open(path: path, migrations: [Self.v1, Self.v2, Self.v3])
        #expect(new.appliedMigrations == ["people.v2.split-name", "people.v3.index"])
        let rows = try await new.read { db in
            try db.fetchAll("SELECT family, given FROM person ORDER BY id").map {
                [try $0.decode(String.self, named: "family"), try $0.decode(String.self, named: "given")]
            }
        }
        #expect(rows == [["张", "三丰"], ["李", "四"]])
        await new.close()

        let again = try await Store.open(path: path, migrations: [Self.v1, Self.v2, Self.v3])
        #expect(again.appliedMigrations.isEmpty)
        await again.close()
    }

    @Test("a database with migrations unknown to this build is refused")
    func newerSchemaRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("m.sqlite")
        try await Store.open(path: path, migrations: [Self.v1, Self.v2]).close()
        let error = try await #require(throws: StoreError.self) {
            try await Store.open(path: path, migrations: [Self.v1])
        }
        #expect(error.code == .unknownMigrations)
        #expect(error.message.contains("people.v2.split-name") && error.message.contains("newer"))
    }

    @Test("a reordered list is refused")
    func reorderRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("m.sqlite")
        try await Store.open(path: path, migrations: [Self.v1, Self.v2]).close()
        let error = try await #require(throws: StoreError.self) {
            try await Store.open(path: path, migrations: [Self.v1, Self.v3, Self.v2])
        }
        #expect(error.code == .migrationOrder)
    }

    @Test("a failing migration is rolled back and not recorded")
    func failingMigration() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("m.sqlite")
        let broken = Migration("people.v2.broken", sql: "CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1)")
        let error = try await #require(throws: StoreError.self) {
            try await Store.open(path: path, migrations: [Self.v1, broken])
        }
        #expect(error.code == .migrationFailed && error.message.contains("people.v2.broken"))
        let store = try await Store.open(path: path, migrations: [Self.v1])
        let tables = try await store.read { db in
            try db.fetchAll("SELECT name FROM sqlite_master WHERE name = 'half'").count
        }
        #expect(tables == 0)
        await store.close()
    }
}
