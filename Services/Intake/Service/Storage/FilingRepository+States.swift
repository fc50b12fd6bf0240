import BeianModel
import BeianStore

extension FilingRepository {
    /// The current state of filings by public id, in the order given (ids not found are skipped),
    /// without their versions (`filing.versions` is empty): for exports and reports, which page
    /// through many filings.
    package func currentStates(ids: [String], in db: Database) throws -> [(sequence: Int64, record: IntakeFiling)] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let rows = try db.makeStatement("""
            SELECT seq, id, state_box, decisions_box, submitted_at_ms, submitted_on, updated_at_ms FROM filing
            WHERE id IN (\(marks))
            """).fetchAll(StatementArguments(values: ids.map { .text($0) }))
        var byID: [String: (Int64, IntakeFiling)] = [:]
        for row in rows {
            let filing = try open(Filing.self, try row.decode([UInt8].self, at: 2), purpose: Purpose.state)
            let decisions = try open(StoredDecisions.self, try row.decode([UInt8].self, at: 3),
                                     purpose: Purpose.decisions)
            guard let submittedOn = CivilDate(try row.decode(String.self, at: 5)) else {
                throw StoreError(.decoding, "filing.submitted_on of \(filing.id) is not a date")
            }
            byID[try row.decode(String.self, at: 1)] = (try row.decode(Int64.self, at: 0), IntakeFiling(
                filing: filing, scope: decisions.scope, deadline: decisions.deadline,
                verification: decisions.verification, reviewNeeded: decisions.reviewNeeded,
                corrections: decisions.corrections,
                submittedAt: Timestamp(millisecondsSinceEpoch: try row.decode(Int64.self, at: 4)),
                submittedOn: submittedOn,
                updatedAt: Timestamp(millisecondsSinceEpoch: try row.decode(Int64.self, at: 6))))
        }
        return ids.compactMap { id in byID[id].map { (sequence: $0.0, record: $0.1) } }
    }
}
