import BeianJSON
import BeianModel
import BeianStore

extension FilingRepository {
    /// The filing with public id `id` and all its versions, or nil.
    package func load(id: String, in db: Database) throws -> StoredFiling? {
        guard let row = try db.fetchOne(
            "SELECT seq, state_box, decisions_box, submitted_at_ms, submitted_on, updated_at_ms FROM filing WHERE id = ?",
            [id]) else { return nil }
        return try stored(from: row, in: db)
    }

    /// The filing in row `sequence`, or nil.
    package func load(sequence: Int64, in db: Database) throws -> StoredFiling? {
        guard let row = try db.fetchOne(
            "SELECT seq, state_box, decisions_box, submitted_at_ms, submitted_on, updated_at_ms FROM filing WHERE seq = ?",
            [sequence]) else { return nil }
        return try stored(from: row, in: db)
    }

    /// The row and access-code hash of filing `id`, for operator authentication.
    package func accessHash(id: String, in db: Database) throws -> (sequence: Int64, hash: [UInt8])? {
        guard let row = try db.fetchOne("SELECT seq, access_hash FROM filing WHERE id = ?", [id]) else { return nil }
        return (try row.decode(Int64.self, at: 0), try row.decode([UInt8].self, at: 1))
    }

    /// The local office a filing is routed to (nil: the office itself) and whether it exists.
    package func localOffice(id: String, in db: Database) throws -> String?? {
        guard let row = try db.fetchOne("SELECT local_office FROM filing WHERE id = ?", [id]) else { return nil }
        return .some(try row.decode(String?.self, at: 0))
    }

    /// A filing's history, oldest first.
    package func history(filing sequence: Int64, in db: Database) throws -> [FilingHistoryEntry] {
        try db.fetchAll(
            "SELECT at_ms, actor, action, version, details FROM filing_event WHERE filing_seq = ? ORDER BY at_ms, rowid",
            [sequence]
        ).map { row in
            FilingHistoryEntry(
                at: Timestamp(millisecondsSinceEpoch: try row.decode(Int64.self, at: 0)),
                actor: try row.decode(at: 1), action: try row.decode(at: 2), version: try row.decode(Int?.self, at: 3),
                details: try JSONCoding.decode([String: String].self, from: Array(try row.decode(String.self, at: 4).utf8)))
        }
    }

    /// Filings whose identity verification is pending, oldest first.
    package func pendingVerification(limit: Int, in db: Database) throws -> [StoredFiling] {
        try db.fetchAll("SELECT seq FROM filing WHERE verification = 'pending' ORDER BY seq LIMIT ?", [limit])
            .compactMap { row in try load(sequence: try row.decode(Int64.self, at: 0), in: db) }
    }

    private func stored(from row: Row, in db: Database) throws -> StoredFiling {
        let sequence = try row.decode(Int64.self, at: 0)
        var filing = try open(Filing.self, try row.decode([UInt8].self, at: 1), purpose: Purpose.state)
        let decisions = try open(StoredDecisions.self, try row.decode([UInt8].self, at: 2), purpose: Purpose.decisions)
        filing.versions = try db.fetchAll(
            """
            SELECT number, at_ms, actor, event, status, content_box FROM filing_version
            WHERE filing_seq = ? ORDER BY number
            """,
            [sequence]
        ).map { version in
            guard let status = FilingStatus(rawValue: try version.decode(String.self, at: 4)) else {
                throw StoreError(.decoding, "filing_version.status of row \(sequence) is not a filing status")
            }
            return FilingVersion(
                number: try version.decode(at: 0),
                at: Timestamp(millisecondsSinceEpoch: try version.decode(Int64.self, at: 1)),
                by: try version.decode(at: 2), event: try version.decode(at: 3), status: status,
                content: try open(FilingContent.self, try version.decode([UInt8].self, at: 5), purpose: Purpose.content))
        }
        guard let submittedOn = CivilDate(try row.decode(String.self, at: 4)) else {
            throw StoreError(.decoding, "filing.submitted_on of row \(sequence) is not a date")
        }
        let record = IntakeFiling(
            filing: filing, scope: decisions.scope, deadline: decisions.deadline, verification: decisions.verification,
            reviewNeeded: decisions.reviewNeeded, corrections: decisions.corrections,
            submittedAt: Timestamp(millisecondsSinceEpoch: try row.decode(Int64.self, at: 3)), submittedOn: submittedOn,
            updatedAt: Timestamp(millisecondsSinceEpoch: try row.decode(Int64.self, at: 5)))
        return StoredFiling(sequence: sequence, record: record, storedVersions: filing.versions.count)
    }
}
