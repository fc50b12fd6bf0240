import Foundation

extension Database {
    /// Appends an entry to the audit chain (审计), in the transaction of the change it records.
    ///
    /// Call it inside `Store.write` together with the state change, so both commit or neither does.
    /// Entries never hold unmasked personal information: pass masked values in `details`.
    /// - Returns: the entry written, with its sequence number and hash.
    @discardableResult
    package func appendAudit(actor: String, action: String, subject: String, details: String, at: Date) throws -> AuditEntry {
        guard isInsideTransaction else {
            throw StoreError(.misuse, "appendAudit must run inside a write transaction (Store.write)")
        }
        let last = try fetchOne("SELECT seq, hash FROM \(AuditLog.table) ORDER BY seq DESC LIMIT 1")
        let previousSequence = try last.map { try $0.decode(Int64.self, at: 0) } ?? 0
        let previousHash = try last.map { try $0.decode(String.self, at: 1) } ?? AuditEntry.genesisHash
        var entry = AuditEntry(
            sequence: previousSequence + 1, at: at, actor: actor, action: action, subject: subject,
            details: details, previousHash: previousHash, hash: "")
        entry.at = Date(timeIntervalSince1970: Double(entry.atMilliseconds) / 1000)
        entry.hash = entry.computedHash()
        try execute(
            """
            INSERT INTO \(AuditLog.table) (seq, at_ms, actor, action, subject, details, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [entry.sequence, entry.atMilliseconds, actor, action, subject, details, previousHash, entry.hash])
        return entry
    }

    /// Reads the whole chain in order and reports the first missing, altered or unlinked entry.
    package func verifyAuditChain() throws -> AuditVerification {
        var result = AuditVerification()
        var expected: Int64 = 1
        try forEachRow(
            "SELECT seq, at_ms, actor, action, subject, details, prev_hash, hash FROM \(AuditLog.table) ORDER BY seq"
        ) { row in
            guard result.problem == nil else { return }
            let entry = try AuditEntry(row: row)
            result.problem = problem(in: entry, expected: expected, previousHash: result.lastHash)
            result.entryCount += 1
            result.lastSequence = entry.sequence
            result.lastHash = entry.hash
            expected = entry.sequence + 1
        }
        return result
    }

    private func problem(in entry: AuditEntry, expected: Int64, previousHash: String) -> AuditChainProblem? {
        if entry.sequence != expected {
            let before = expected == 1 ? "the log starts" : "entry \(expected - 1) is followed"
            let missing = entry.sequence - 1 == expected ? "entry \(expected) is" : "entries \(expected)-\(entry.sequence - 1) are"
            return AuditChainProblem(
                kind: .missing, sequence: expected,
                description: "audit \(missing) missing: \(before) by entry \(entry.sequence)")
        }
        if entry.computedHash() != entry.hash {
            return AuditChainProblem(
                kind: .altered, sequence: entry.sequence,
                description: "audit entry \(entry.sequence) was altered: its content does not match its hash")
        }
        if entry.previousHash != previousHash {
            return AuditChainProblem(
                kind: .brokenLink, sequence: entry.sequence,
                description: "audit entry \(entry.sequence) does not link to entry \(entry.sequence - 1): previous-hash differs")
        }
        return nil
    }
}

extension AuditEntry {
    /// Reads an entry from a row of (seq, at_ms, actor, action, subject, details, prev_hash, hash).
    init(row: Row) throws {
        self.init(
            sequence: try row.decode(at: 0),
            at: Date(timeIntervalSince1970: Double(try row.decode(Int64.self, at: 1)) / 1000),
            actor: try row.decode(at: 2), action: try row.decode(at: 3), subject: try row.decode(at: 4),
            details: try row.decode(at: 5), previousHash: try row.decode(at: 6), hash: try row.decode(at: 7))
    }
}
