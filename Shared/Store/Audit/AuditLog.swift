/// The audit log's schema. Add `AuditLog.migration` to a service's migrations to use the log.
package enum AuditLog {
    /// The table holding the chain.
    package static let table = "beian_audit_log"

    /// Creates the audit table. `seq` is assigned by `appendAudit` (last + 1), never by SQLite.
    package static let migration = Migration("beian.audit-log.v1", sql: """
        CREATE TABLE \(table) (
            seq INTEGER PRIMARY KEY,
            at_ms INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT
        """)
}
