import BeianJSON
import BeianModel
import BeianStore

extension IntakeService {
    /// Records a change in the filing's history and in the audit chain, in the caller's
    /// transaction. `details` must hold no unmasked personal numbers.
    package func record(_ action: String, by principal: Principal, filing stored: StoredFiling, version: Int?,
                        details: [String: String] = [:], at time: Timestamp, in db: Database) throws {
        try record(action, actor: principal.actor, filing: stored, version: version, details: details, at: time, in: db)
    }

    /// `record` with an actor name (the service's own jobs).
    package func record(_ action: String, actor: String, filing stored: StoredFiling, version: Int?,
                        details: [String: String] = [:], at time: Timestamp, in db: Database) throws {
        let prepared = try PreparedRecord(action, actor: actor, filing: stored.record, version: version,
                                          details: details, at: time)
        try prepared.write(filing: stored.sequence, repository: repository, in: db)
    }
}

/// A history entry and its audit entry, encoded before the write transaction (`record` in two steps).
package struct PreparedRecord: Sendable {
    let history: PreparedHistory
    let actor: String
    let action: String
    let subject: String
    let auditDetails: String
    let time: Timestamp

    /// The entries recording `action` on `record` (its status after the change is added to `details`).
    package init(_ action: String, actor: String, filing record: IntakeFiling, version: Int?, details: [String: String],
         at time: Timestamp) throws {
        var all = details
        all["status"] = record.filing.status.rawValue
        history = try PreparedHistory(FilingHistoryEntry(at: time, actor: actor, action: action, version: version,
                                                         details: all))
        var audit = all
        audit["filing_id"] = record.filing.id
        if let version { audit["version"] = String(version) }
        auditDetails = String(decoding: try JSONCoding.encode(audit), as: UTF8.self)
        self.actor = actor
        self.action = "filing.\(action)"
        subject = "filing:\(record.filing.id)"
        self.time = time
    }

    /// Appends both entries for filing row `sequence`, in the caller's transaction.
    package func write(filing sequence: Int64, repository: FilingRepository, in db: Database) throws {
        try repository.appendHistory(history, filing: sequence, in: db)
        try db.appendAudit(actor: actor, action: action, subject: subject, details: auditDetails, at: time.date)
    }
}
