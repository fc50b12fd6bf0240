import BeianStore
import Foundation
import Testing

@Suite("Audit log: a hash chain that reveals edits and deletions")
struct AuditTests {
    static let start = Date(timeIntervalSince1970: 1_750_000_000)

    /// Five entries, written by the same writes as the changes they record.
    static func fill(_ store: Store) async throws {
        for index in 1...5 {
            try await store.write { db in
                try db.execute("INSERT INTO person (code, name) VALUES (?, ?)", ["P\(index)", "经办人\(index)"])
                try db.appendAudit(
                    actor: "staff:王科长", action: "person.create", subject: "person:P\(index)",
                    details: #"{"名称":"经办人\#(index)"}"#, at: start.addingTimeInterval(Double(index)))
            }
        }
    }

    @Test("an untouched chain verifies, and entries link to their predecessors")
    func intact() async throws {
        try await withStore { store, _ in
            try await Self.fill(store)
            let verification = try await store.verifyAuditChain()
            #expect(verification.isIntact)
            #expect(verification.entryCount == 5 && verification.lastSequence == 5)
            let entry = try await store.appendAudit(actor: "a", action: "b", subject: "c", details: "", at: Self.start)
            #expect(entry.sequence == 6 && entry.previousHash == verification.lastHash)
            #expect(entry.hash == entry.computedHash())
        }
    }

    @Test("a rolled-back write leaves no audit entry and no gap")
    func rollback() async throws {
        try await withStore { store, _ in
            try await Self.fill(store)
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await store.write { db in
                    try db.appendAudit(actor: "x", action: "y", subject: "z", details: "", at: Self.start)
                    throw Refused()
                }
            }
            let entry = try await store.appendAudit(actor: "a", action: "b", subject: "c", details: "", at: Self.start)
            #expect(entry.sequence == 6)
            #expect(try await store.verifyAuditChain().isIntact)
        }
    }

    @Test("tampering is reported at the first broken or missing entry", arguments: [
        ("UPDATE beian_audit_log SET details = '{}' WHERE seq = 3", AuditChainProblem.Kind.altered, Int64(3)),
        ("DELETE FROM beian_audit_log WHERE seq = 3", .missing, 3),
        ("DELETE FROM beian_audit_log WHERE seq IN (1, 2)", .missing, 1),
        ("UPDATE beian_audit_log SET actor = 'staff:别人' WHERE seq = 4", .altered, 4),
    ])
    func tamper(sql: String, kind: AuditChainProblem.Kind, sequence: Int64) async throws {
        try await withStore { store, _ in
            try await Self.fill(store)
            try await store.write { db in try db.execute(sql) }
            let problem = try #require(try await store.verifyAuditChain().problem)
            #expect(problem.kind == kind)
            #expect(problem.sequence == sequence)
            #expect(problem.description.contains("entry \(sequence)") || problem.description.contains("entries \(sequence)"))
        }
    }

    @Test("an edited entry whose hash was recomputed breaks the link of the next one")
    func rehashed() async throws {
        try await withStore { store, _ in
            try await Self.fill(store)
            try await store.write { db in
                let row = try #require(try db.fetchOne(
                    "SELECT seq, at_ms, actor, action, subject, details, prev_hash, hash FROM beian_audit_log WHERE seq = 2"))
                var entry = AuditEntry(
                    sequence: 2, at: Date(timeIntervalSince1970: Double(try row.decode(Int64.self, at: 1)) / 1000),
                    actor: try row.decode(at: 2), action: try row.decode(at: 3), subject: try row.decode(at: 4),
                    details: "{}", previousHash: try row.decode(at: 6), hash: "")
                entry.hash = entry.computedHash()
                try db.execute("UPDATE beian_audit_log SET details = '{}', hash = ? WHERE seq = 2", [entry.hash])
            }
            let problem = try #require(try await store.verifyAuditChain().problem)
            #expect(problem.kind == .brokenLink && problem.sequence == 3)
        }
    }

    @Test("appending outside a transaction is refused")
    func outsideTransaction() async throws {
        try await withStore { store, _ in
            let error = try await #require(throws: StoreError.self) {
                try await store.writeWithoutTransaction { db in
                    try db.appendAudit(actor: "a", action: "b", subject: "c", details: "", at: Self.start)
                }
            }
            #expect(error.code == .misuse)
        }
    }
}
