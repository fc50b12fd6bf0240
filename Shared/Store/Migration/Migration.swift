/// One named schema change (迁移). Once released, a migration is never edited or renamed: add a
/// new one instead. Names are recorded in the database so each runs exactly once.
package struct Migration: Sendable {
    /// The unique, stable name, e.g. "intake.v1.create-filing".
    package let name: String
    /// Changes the schema (and moves data). Runs inside the migration's own transaction.
    package let apply: @Sendable (Database) throws -> Void

    /// A migration written as Swift code (for data moves that need logic).
    package init(_ name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.apply = apply
    }

    /// A migration that runs an SQL script (several `;`-separated statements).
    package init(_ name: String, sql: String) {
        self.init(name) { try $0.executeScript(sql) }
    }
}
