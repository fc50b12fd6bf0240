import Foundation

extension Store {
    /// Appends an audit entry in a write of its own (for events with no state change, such as a
    /// read of sensitive data). For state changes, call `db.appendAudit` inside that write instead.
    @discardableResult
    package func appendAudit(actor: String, action: String, subject: String, details: String, at: Date) async throws -> AuditEntry {
        try await write { db in
            try db.appendAudit(actor: actor, action: action, subject: subject, details: details, at: at)
        }
    }

    /// Verifies the whole audit chain on a reader (a consistent snapshot; writes go on meanwhile).
    package func verifyAuditChain() async throws -> AuditVerification {
        try await read { db in try db.verifyAuditChain() }
    }
}
