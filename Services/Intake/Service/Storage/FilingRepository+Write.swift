import BeianJSON
import BeianModel
import BeianStore

extension FilingRepository {
    /// Inserts a new filing with its versions; returns it as stored.
    package func insert(_ record: IntakeFiling, accessHash: [UInt8], in db: Database) throws -> StoredFiling {
        let columns = try rowColumns(record)
        try db.execute("""
            INSERT INTO filing (id, office_code, local_office, status, object_kind, platform, operator_kind, government,
                account_name, operator_name, credit_code, id_number_masked, mobile_masked, id_number_lookup,
                filing_number, scope_outcome, review_needed, verification, timeliness, due_date, submitted_on,
                submitted_at_ms, updated_at_ms, version, state_box, decisions_box, access_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, StatementArguments(values: [.text(record.filing.id), .text(record.filing.officeCode)] + columns
                + [.blob(accessHash)]))
        let stored = StoredFiling(sequence: db.lastInsertedRowID, record: record, storedVersions: 0)
        try insertVersions(of: stored, in: db)
        try index(stored, replacing: false, in: db)
        return StoredFiling(sequence: stored.sequence, record: record, storedVersions: record.filing.versions.count)
    }

    /// Writes a changed filing back: its columns, its sealed state, and the versions added since load.
    package func update(_ stored: StoredFiling, in db: Database) throws {
        let columns = try rowColumns(stored.record)
        try db.execute("""
            UPDATE filing SET local_office = ?, status = ?, object_kind = ?, platform = ?, operator_kind = ?,
                government = ?, account_name = ?, operator_name = ?, credit_code = ?, id_number_masked = ?,
                mobile_masked = ?, id_number_lookup = ?, filing_number = ?, scope_outcome = ?, review_needed = ?,
                verification = ?, timeliness = ?, due_date = ?, submitted_on = ?, submitted_at_ms = ?,
                updated_at_ms = ?, version = ?, state_box = ?, decisions_box = ?
            WHERE seq = ?
            """, StatementArguments(values: columns + [.integer(stored.sequence)]))
        try insertVersions(of: stored, in: db)
        try index(stored, replacing: true, in: db)
    }

    /// Puts a filing's names into the trigram index (`filing_search`, rowid = `filing.seq`).
    private func index(_ stored: StoredFiling, replacing: Bool, in db: Database) throws {
        if replacing { try db.execute("DELETE FROM filing_search WHERE rowid = ?", [stored.sequence]) }
        try db.execute("INSERT INTO filing_search (rowid, account_name, operator_name) VALUES (?, ?, ?)",
                       [stored.sequence, stored.record.filing.object.name, stored.record.filing.operator.name])
    }

    /// Appends an entry to a filing's history.
    package func appendHistory(_ entry: FilingHistoryEntry, filing sequence: Int64, in db: Database) throws {
        let details = try String(decoding: JSONCoding.encode(entry.details), as: UTF8.self)
        try db.execute(
            "INSERT INTO filing_event (filing_seq, at_ms, actor, action, version, details) VALUES (?, ?, ?, ?, ?, ?)",
            [sequence, entry.at.millisecondsSinceEpoch, entry.actor, entry.action, entry.version, details])
    }

    private func insertVersions(of stored: StoredFiling, in db: Database) throws {
        for version in stored.record.filing.versions.dropFirst(stored.storedVersions) {
            try db.execute("""
                INSERT INTO filing_version (filing_seq, number, at_ms, actor, event, status, content_box)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [stored.sequence, version.number, version.at.millisecondsSinceEpoch, version.by, version.event,
                      version.status.rawValue, try seal(version.content, purpose: Purpose.content)])
        }
    }

    /// The values of every column from `local_office` to `decisions_box`, in the order above.
    private func rowColumns(_ record: IntakeFiling) throws -> [DatabaseValue] {
        let filing = record.filing
        var state = filing
        state.versions = []
        var platform: String?
        if case .account(let account) = filing.object { platform = account.platform.rawValue }
        var creditCode: String?
        if case .unit(let unit) = filing.operator { creditCode = unit.creditCode }
        let decisions = StoredDecisions(scope: record.scope, deadline: record.deadline, verification: record.verification,
                                        reviewNeeded: record.reviewNeeded, corrections: record.corrections)
        let values: [(any DatabaseValueConvertible)?] = [
            filing.localOfficeCode, filing.status.rawValue, filing.object.kind.rawValue, platform,
            filing.operator.kind.rawValue, filing.operator.isGovernment, filing.object.name, filing.operator.name,
            creditCode, FilingMasking.listedIDNumber(filing.operator), FilingMasking.listedMobile(filing.operator),
            cipher.lookupHash(FilingMasking.lookupIDNumber(filing.operator), purpose: Purpose.idLookup),
            filing.filingNumber, record.scope.outcome.rawValue, record.reviewNeeded,
            record.verification.state.rawValue, record.deadline?.timeliness.rawValue, record.deadline?.dueDate?.iso,
            record.submittedOn.iso,
            record.submittedAt.millisecondsSinceEpoch, record.updatedAt.millisecondsSinceEpoch, filing.version,
            try seal(state, purpose: Purpose.state), try seal(decisions, purpose: Purpose.decisions),
        ]
        return StatementArguments(values).positional
    }
}
