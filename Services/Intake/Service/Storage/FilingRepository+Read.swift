import BeianJSON
import BeianModel
import BeianStore

extension FilingRepository {
    /// The filing with public id `id` and all its versions, or nil.
    package func load(id: String, in db: Database) throws -> StoredFiling? {
        guard let row = try db.fetchOne("\(Self.stateSelect) WHERE f.id = ?", [id]) else { return nil }
        return try stored(from: row, in: db)
    }

    /// The filing in row `sequence`, or nil.
    package func load(sequence: Int64, in db: Database) throws -> StoredFiling? {
        guard let row = try db.fetchOne("\(Self.stateSelect) WHERE f.seq = ?", [sequence]) else { return nil }
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

    /// Columns `record(from:content:versions:)` reads: seq, id, format, state_box, decisions_box,
    /// submitted_at_ms, submitted_on, updated_at_ms.
    static let stateSelect = """
        SELECT f.seq, f.id, s.format, s.state_box, s.decisions_box, f.submitted_at_ms, f.submitted_on, f.updated_at_ms
        FROM filing f JOIN filing_state s ON s.seq = f.seq
        """

    private func stored(from row: Row, in db: Database) throws -> StoredFiling {
        let sequence = try row.decode(Int64.self, at: 0)
        var versions: [FilingVersion] = []
        for version in try db.fetchAll(
            "SELECT number, at_ms, actor, event, status, content_box FROM filing_version WHERE filing_seq = ? ORDER BY number",
            [sequence]) {
            guard let status = FilingStatus(rawValue: try version.decode(String.self, at: 4)) else {
                throw StoreError(.decoding, "filing_version.status of row \(sequence) is not a filing status")
            }
            let box = try version.decode([UInt8].self, at: 5)
            let content: FilingContent
            if box.isEmpty {
                guard let previous = versions.last else {
                    throw StoreError(.decoding, "the first version of row \(sequence) has no content")
                }
                content = previous.content
            } else {
                content = try open(FilingContent.self, box, purpose: Purpose.content)
            }
            versions.append(FilingVersion(
                number: try version.decode(at: 0),
                at: Timestamp(millisecondsSinceEpoch: try version.decode(Int64.self, at: 1)),
                by: try version.decode(at: 2), event: try version.decode(at: 3), status: status, content: content))
        }
        let record = try record(from: row, content: versions.last?.content, versions: versions, in: db)
        return StoredFiling(sequence: sequence, record: record, storedVersions: versions.count)
    }

    /// The record of a `stateSelect` row: format 1 (v1 rows: the state box holds the filing with
    /// its content, the decisions box the decisions) or format 2 (`StoredState`; the content is
    /// the current version's, `content`).
    func record(from row: Row, content: FilingContent?, versions: [FilingVersion], in db: Database) throws
        -> IntakeFiling {
        let sequence = try row.decode(Int64.self, at: 0)
        let filing: Filing
        let decisions: StoredDecisions
        switch try row.decode(Int.self, at: 2) {
        case 1:
            var stored = try open(Filing.self, try row.decode([UInt8].self, at: 3), purpose: Purpose.state)
            stored.versions = versions
            filing = stored
            decisions = try open(StoredDecisions.self, try row.decode([UInt8].self, at: 4), purpose: Purpose.decisions)
        case 2:
            let state = try open(StoredState.self, try row.decode([UInt8].self, at: 3), purpose: Purpose.compactState)
            guard let content else { throw StoreError(.decoding, "filing row \(sequence) has no version with content") }
            filing = state.filing(content: content, versions: versions)
            decisions = try state.decisions(shared, in: db)
        case let format:
            throw StoreError(.decoding, "filing_state.format of row \(sequence) is \(format), which this build cannot read")
        }
        guard let submittedOn = CivilDate(try row.decode(String.self, at: 6)) else {
            throw StoreError(.decoding, "filing.submitted_on of row \(sequence) is not a date")
        }
        return IntakeFiling(
            filing: filing, scope: decisions.scope, deadline: decisions.deadline, verification: decisions.verification,
            reviewNeeded: decisions.reviewNeeded, corrections: decisions.corrections,
            submittedAt: Timestamp(millisecondsSinceEpoch: try row.decode(Int64.self, at: 5)), submittedOn: submittedOn,
            updatedAt: Timestamp(millisecondsSinceEpoch: try row.decode(Int64.self, at: 7)))
    }
}
