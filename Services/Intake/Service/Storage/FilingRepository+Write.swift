import BeianJSON
import BeianModel
import BeianStore

extension FilingRepository {
    /// Inserts a new filing with its versions; returns it as stored.
    package func insert(_ record: IntakeFiling, accessHash: [UInt8], in db: Database) throws -> StoredFiling {
        try insert(try prepare(record), accessHash: accessHash, in: db)
    }

    /// Inserts a new filing prepared by `prepare` (only statements run here); returns it as stored.
    package func insert(_ prepared: PreparedFiling, accessHash: [UInt8], in db: Database) throws -> StoredFiling {
        let record = prepared.record
        try db.execute(Self.insertSQL, StatementArguments(
            values: [.text(record.filing.id), .text(record.filing.officeCode)] + prepared.columns + [.blob(accessHash)]))
        let sequence = db.lastInsertedRowID
        try hold(prepared.objectKey, sequence: sequence, replacing: false, in: db)
        try db.execute("INSERT INTO filing_state (seq, format, state_box) VALUES (?, 2, ?)",
                       [sequence, prepared.stateBox])
        try store(prepared.shared, in: db)
        try insertVersions(prepared, sequence: sequence, in: db)
        try index(prepared, sequence: sequence, replacing: false, in: db)
        return StoredFiling(sequence: sequence, record: record, storedVersions: record.filing.versions.count)
    }

    /// Writes a changed filing back: its columns, its sealed state, and the versions added since load.
    package func update(_ stored: StoredFiling, in db: Database) throws {
        let prepared = try prepare(stored.record, storedVersions: stored.storedVersions)
        let names = try db.fetchOne("SELECT account_name, operator_name FROM filing WHERE seq = ?", [stored.sequence])
        try db.execute(Self.updateSQL, StatementArguments(values: prepared.columns + [.integer(stored.sequence)]))
        try hold(prepared.objectKey, sequence: stored.sequence, replacing: true, in: db)
        try db.execute("UPDATE filing_state SET format = 2, state_box = ?, decisions_box = NULL WHERE seq = ?",
                       [prepared.stateBox, stored.sequence])
        try store(prepared.shared, in: db)
        try insertVersions(prepared, sequence: stored.sequence, in: db)
        let account = try names?.decode(String.self, at: 0), person = try names?.decode(String.self, at: 1)
        if account != stored.record.filing.object.name || person != stored.record.filing.operator.name {
            try index(prepared, sequence: stored.sequence, replacing: true, in: db)
        }
    }

    /// Puts a filing's names into the search indexes (`filing_search`, `filing_gram`; rowid = `filing.seq`).
    ///
    /// At the end of the group commit: both are FTS5 tables, which flush their pending terms to a
    /// new segment at every savepoint, and the writer opens one per write. Deferred, a batch's
    /// names are flushed once, at COMMIT (about 40% of the writer's CPU per submission before).
    private func index(_ prepared: PreparedFiling, sequence: Int64, replacing: Bool, in db: Database) throws {
        let names = prepared.trigramNames, grams = prepared.grams
        try db.deferToEndOfBatch { db in
            if replacing {
                try db.execute("DELETE FROM filing_search WHERE rowid = ?", [sequence])
                try db.execute("DELETE FROM filing_gram WHERE rowid = ?", [sequence])
            }
            try db.execute("INSERT INTO filing_search (rowid, account_name, operator_name) VALUES (?, ?, ?)",
                           [sequence, names.account, names.operator])
            try db.execute("INSERT INTO filing_gram (rowid, grams) VALUES (?, ?)", [sequence, grams])
        }
    }

    /// Whether a live filing holds `key` (the dry run's view of `hold`).
    func isHeld(_ key: ObjectKey, in db: Database) throws -> Bool {
        try db.fetchValue(Int64.self, "SELECT seq FROM filing_object_key WHERE key = ?", [key.description]) != nil
    }

    /// Records that filing `sequence` holds `key` (releasing what it held before when `replacing`);
    /// throws `ObjectAlreadyFiled` when another filing holds it.
    func hold(_ key: ObjectKey?, sequence: Int64, replacing: Bool, in db: Database) throws {
        let text = key?.description
        if replacing {
            if let text, try db.fetchValue(Int64.self, "SELECT seq FROM filing_object_key WHERE key = ?", [text])
                == sequence {
                return   // unchanged: the usual case of an update
            }
            try db.execute("DELETE FROM filing_object_key WHERE seq = ?", [sequence])
        }
        guard let key, let text else { return }
        if let holder = try db.fetchValue(String.self, """
            SELECT f.id FROM filing_object_key k JOIN filing f ON f.seq = k.seq WHERE k.key = ?
            """, [text]) {
            throw ObjectAlreadyFiled(key: key, holder: holder)
        }
        try db.execute("INSERT INTO filing_object_key (key, seq) VALUES (?, ?)", [text, sequence])
    }

    /// Appends an entry to a filing's history.
    package func appendHistory(_ entry: FilingHistoryEntry, filing sequence: Int64, in db: Database) throws {
        try appendHistory(try PreparedHistory(entry), filing: sequence, in: db)
    }

    /// Appends an entry prepared by `PreparedHistory.init` to a filing's history.
    func appendHistory(_ entry: PreparedHistory, filing sequence: Int64, in db: Database) throws {
        try db.execute(
            "INSERT INTO filing_event (filing_seq, at_ms, actor, action, version, details) VALUES (?, ?, ?, ?, ?, ?)",
            [sequence, entry.atMilliseconds, entry.actor, entry.action, entry.version, entry.details])
    }

    private func insertVersions(_ prepared: PreparedFiling, sequence: Int64, in db: Database) throws {
        for version in prepared.versions {
            try db.execute("""
                INSERT INTO filing_version (filing_seq, number, at_ms, actor, event, status, content_box)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [sequence, version.number, version.atMilliseconds, version.actor, version.event, version.status,
                      version.contentBox])
        }
    }

    private static let insertSQL = """
        INSERT INTO filing (id, office_code, \(columnList.joined(separator: ", ")), access_hash)
        VALUES (\(Array(repeating: "?", count: columnList.count + 3).joined(separator: ", ")))
        """

    private static let updateSQL = """
        UPDATE filing SET \(columnList.map { "\($0) = ?" }.joined(separator: ", ")) WHERE seq = ?
        """
}

/// A history entry with its details already encoded (outside the writer).
struct PreparedHistory: Sendable {
    var atMilliseconds: Int64
    var actor: String
    var action: String
    var version: Int?
    /// JSON object of the details.
    var details: String

    init(_ entry: FilingHistoryEntry) throws {
        atMilliseconds = entry.at.millisecondsSinceEpoch
        actor = entry.actor
        action = entry.action
        version = entry.version
        details = String(decoding: try JSONCoding.encode(entry.details), as: UTF8.self)
    }
}
