import BeianModel
import BeianStore

extension FilingRepository {
    /// The current state of filings by public id, in the order given (ids not found are skipped),
    /// without their versions (`filing.versions` is empty): for exports and reports, which page
    /// through many filings.
    package func currentStates(ids: [String], in db: Database) throws -> [(sequence: Int64, record: IntakeFiling)] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        // The current content: the latest version that has one (an empty box repeats the previous).
        let rows = try db.makeStatement("""
            SELECT f.seq, f.id, s.format, s.state_box, s.decisions_box, f.submitted_at_ms, f.submitted_on,
                f.updated_at_ms,
                CASE s.format WHEN 1 THEN NULL ELSE (SELECT v.content_box FROM filing_version v
                    WHERE v.filing_seq = f.seq AND length(v.content_box) > 0 ORDER BY v.number DESC LIMIT 1) END
            FROM filing f JOIN filing_state s ON s.seq = f.seq
            WHERE f.id IN (\(marks))
            """).fetchAll(StatementArguments(values: ids.map { .text($0) }))
        var byID: [String: (Int64, IntakeFiling)] = [:]
        for row in rows {
            let box = try row.decode([UInt8]?.self, at: 8)
            let content = try box.map { try open(FilingContent.self, $0, purpose: Purpose.content) }
            byID[try row.decode(String.self, at: 1)] = (try row.decode(Int64.self, at: 0),
                                                         try record(from: row, content: content, versions: [], in: db))
        }
        return ids.compactMap { id in byID[id].map { (sequence: $0.0, record: $0.1) } }
    }
}
