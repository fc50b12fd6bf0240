import Foundation

/// Runs a service's migrations in order, each in its own transaction, recording each by name in
/// `beian_schema_migrations`, and refuses a database that records migrations this build lacks.
struct Migrator {
    let migrations: [Migration]

    /// The table recording applied migrations (the `beian_` prefix is reserved for the store).
    static let table = "beian_schema_migrations"

    /// Applies the migrations the database lacks; returns their names.
    func migrate(_ database: Database) throws -> [String] {
        let names = migrations.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw StoreError(.misuse, "migration name '\(duplicate)' appears twice in the list")
        }
        try database.executeScript("""
            CREATE TABLE IF NOT EXISTS \(Self.table) (
                seq INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                applied_at_ms INTEGER NOT NULL
            ) STRICT
            """)
        let recorded = try recordedNames(database)
        try check(recorded: recorded, known: names, path: database.path)
        var applied: [String] = []
        for migration in migrations.dropFirst(recorded.count) {
            if try run(migration, on: database) { applied.append(migration.name) }
        }
        return applied
    }

    private func recordedNames(_ database: Database) throws -> [String] {
        try database.fetchAll("SELECT name FROM \(Self.table) ORDER BY seq").map { try $0.decode(String.self, at: 0) }
    }

    /// The recorded names must be exactly the first names of the code's list.
    private func check(recorded: [String], known: [String], path: String) throws {
        let unknown = recorded.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw StoreError(.unknownMigrations, """
                \(path) was migrated by a newer version of this service: it records migrations this build \
                does not know (\(unknown.joined(separator: ", "))). Refusing to open it; run the newer \
                version, or restore a backup taken before the upgrade.
                """)
        }
        guard Array(known.prefix(recorded.count)) == recorded else {
            throw StoreError(.migrationOrder, """
                \(path) records migrations in the order [\(recorded.joined(separator: ", "))], which is \
                not the start of this build's list [\(known.joined(separator: ", "))]; migrations must \
                only ever be appended.
                """)
        }
    }

    /// Runs one migration with foreign keys off (so tables can be rebuilt, as SQLite documents),
    /// checks foreign keys before committing, and records it. False if another process ran it first.
    private func run(_ migration: Migration, on database: Database) throws -> Bool {
        try database.execute("PRAGMA foreign_keys = OFF")
        defer { try? database.execute("PRAGMA foreign_keys = ON") }
        do {
            return try database.inTransaction(.immediate) {
                guard try !recordedNames(database).contains(migration.name) else { return false }
                try migration.apply(database)
                let violations = try database.foreignKeyViolations()
                guard violations.isEmpty else {
                    throw StoreError(.migrationFailed, """
                        migration '\(migration.name)' leaves foreign keys broken and was rolled back: \
                        \(violations.prefix(5).joined(separator: "; "))
                        """)
                }
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                try database.execute("INSERT INTO \(Self.table) (name, applied_at_ms) VALUES (?, ?)", [migration.name, now])
                return true
            }
        } catch let error as StoreError where error.code == .migrationFailed {
            throw error
        } catch {
            throw StoreError(.migrationFailed, "migration '\(migration.name)' failed and was rolled back: \(error)")
        }
    }
}
