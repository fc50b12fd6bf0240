import BeianModel
import BeianStore

/// A filing handed to another office (移交记录, sending side).
package struct OutgoingTransfer: Sendable, Hashable {
    /// The office it went to.
    package var targetOffice: String
    /// Its filing id there.
    package var targetFilingId: String
    /// The operator's access code there.
    package var targetAccessCode: String
    /// Why.
    package var reason: String
    /// When.
    package var at: Timestamp
    /// Who.
    package var actor: String
}

/// A filing received from another office (receiving side).
package struct IncomingTransfer: Sendable, Hashable {
    /// The filing created here.
    package var filingId: String
    /// The operator's access code here.
    package var accessCode: String
}

extension FilingRepository {
    private static let transferCodePurpose = "filing_transfer.access_code"

    /// The transfer of filing row `sequence` to another office, if it was transferred.
    package func outgoingTransfer(filing sequence: Int64, in db: Database) throws -> OutgoingTransfer? {
        guard let row = try db.fetchOne("""
            SELECT target_office, target_filing_id, access_code_box, reason, at_ms, actor FROM filing_transfer_out
            WHERE filing_seq = ?
            """, [sequence]) else { return nil }
        return OutgoingTransfer(
            targetOffice: try row.decode(at: 0), targetFilingId: try row.decode(at: 1),
            targetAccessCode: try cipher.open(try row.decode([UInt8].self, at: 2), purpose: Self.transferCodePurpose),
            reason: try row.decode(at: 3), at: Timestamp(millisecondsSinceEpoch: try row.decode(Int64.self, at: 4)),
            actor: try row.decode(at: 5))
    }

    /// Records the transfer of filing row `sequence` (the access code sealed).
    package func insertOutgoingTransfer(_ transfer: OutgoingTransfer, filing sequence: Int64, in db: Database) throws {
        try db.execute("""
            INSERT INTO filing_transfer_out (filing_seq, target_office, target_filing_id, access_code_box, reason,
                at_ms, actor) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [sequence, transfer.targetOffice, transfer.targetFilingId,
                  try cipher.seal(transfer.targetAccessCode, purpose: Self.transferCodePurpose), transfer.reason,
                  transfer.at.millisecondsSinceEpoch, transfer.actor])
    }

    /// "office/filing id" of the transferred filings among rows `sequences`.
    package func transferTargets(filings sequences: [Int64], in db: Database) throws -> [Int64: String] {
        guard !sequences.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: sequences.count).joined(separator: ", ")
        var result: [Int64: String] = [:]
        for row in try db.makeStatement("""
            SELECT filing_seq, target_office, target_filing_id FROM filing_transfer_out WHERE filing_seq IN (\(marks))
            """).fetchAll(StatementArguments(values: sequences.map { .integer($0) })) {
            let office = try row.decode(String.self, at: 1), id = try row.decode(String.self, at: 2)
            result[try row.decode(Int64.self, at: 0)] = "\(office)/\(id)"
        }
        return result
    }

    /// The filing created here from `sourceFilingID`, if that transfer was received before.
    package func incomingTransfer(source sourceFilingID: String, in db: Database) throws -> IncomingTransfer? {
        guard let row = try db.fetchOne("""
            SELECT f.id, t.access_code_box FROM filing_transfer_in t JOIN filing f ON f.seq = t.filing_seq
            WHERE t.source_filing_id = ?
            """, [sourceFilingID]) else { return nil }
        return IncomingTransfer(filingId: try row.decode(at: 0),
                                accessCode: try cipher.open(try row.decode([UInt8].self, at: 1),
                                                            purpose: Self.transferCodePurpose))
    }

    /// Records that filing row `sequence` was created from `sourceFilingID` of `sourceOffice`.
    package func insertIncomingTransfer(source sourceFilingID: String, office sourceOffice: String, accessCode: String,
                                        filing sequence: Int64, at time: Timestamp, in db: Database) throws {
        try db.execute("""
            INSERT INTO filing_transfer_in (source_filing_id, source_office, filing_seq, access_code_box, at_ms)
            VALUES (?, ?, ?, ?, ?)
            """, [sourceFilingID, sourceOffice, sequence,
                  try cipher.seal(accessCode, purpose: Self.transferCodePurpose), time.millisecondsSinceEpoch])
    }
}
