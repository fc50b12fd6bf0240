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
        var all = details
        all["status"] = stored.record.filing.status.rawValue
        try repository.appendHistory(FilingHistoryEntry(at: time, actor: actor, action: action, version: version,
                                                        details: all), filing: stored.sequence, in: db)
        var audit = all
        audit["filing_id"] = stored.id
        if let version { audit["version"] = String(version) }
        let text = String(decoding: try JSONCoding.encode(audit), as: UTF8.self)
        try db.appendAudit(actor: actor, action: "filing.\(action)", subject: "filing:\(stored.id)", details: text,
                           at: time.date)
    }
}
