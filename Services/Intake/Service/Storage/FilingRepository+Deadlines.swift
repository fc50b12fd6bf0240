import BeianModel
import BeianStore

extension FilingRepository {
    /// The SQL list of `OpenDeadlines.openStatuses`.
    static var openStatusList: String {
        OpenDeadlines.openStatuses.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
    }

    /// Rows whose stored timeliness may change on `today` (see `OpenDeadlines.reassess`): open
    /// filings not yet assessed as unfiled or whose due date has passed while pending, and filings
    /// filed again while still assessed as unfiled; and deadlines left undetermined for want of a
    /// year of rest-day data.
    package func deadlineCandidates(today: CivilDate, in db: Database) throws -> [Int64] {
        try db.fetchAll("""
            SELECT seq FROM filing WHERE due_date IS NOT NULL AND (
                (status IN (\(Self.openStatusList)) AND (timeliness IS NULL OR timeliness NOT IN ('pending', 'overdue')
                    OR (timeliness = 'pending' AND due_date < ?)))
                OR (status NOT IN (\(Self.openStatusList)) AND status NOT IN ('rejected', 'cancelled')
                    AND timeliness IN ('pending', 'overdue')))
            UNION SELECT seq FROM filing WHERE timeliness = 'undetermined'
            ORDER BY seq
            """, [today.iso]).map { try $0.decode(Int64.self, at: 0) }
    }

    /// Open filings due on or before `horizon` (and, with `includeLate`, filings filed late),
    /// visible to `scope`, earliest due date first, at most `limit`: public ids.
    package func watchedDeadlines(horizon: CivilDate, includeLate: Bool, localOffice: String?, scope: StaffScope,
                                  limit: Int, in db: Database) throws -> [String] {
        var conditions = ["due_date IS NOT NULL"]
        var arguments: [DatabaseValue] = [.text(horizon.iso)]
        let open = "(status IN (\(Self.openStatusList)) AND due_date <= ?)"
        conditions.append(includeLate ? "(\(open) OR timeliness = 'late')" : open)
        for local in [scope.localOfficeID, localOffice].compactMap({ $0 }) {
            if local.isEmpty {
                conditions.append("local_office IS NULL")
            } else {
                conditions.append("local_office = ?")
                arguments.append(.text(local))
            }
        }
        arguments.append(.integer(Int64(limit)))
        return try db.makeStatement("""
            SELECT id FROM filing WHERE \(conditions.joined(separator: " AND ")) ORDER BY due_date, seq LIMIT ?
            """).fetchAll(StatementArguments(values: arguments)).map { try $0.decode(String.self, at: 0) }
    }

    /// Open filings past their due date on `today`, and due within `withinDays` after it.
    package func openDeadlineCounts(today: CivilDate, withinDays: Int,
                                    in db: Database) throws -> (overdue: Int, dueSoon: Int) {
        let row = try db.fetchOne("""
            SELECT COALESCE(SUM(due_date < ?), 0), COALESCE(SUM(due_date >= ? AND due_date <= ?), 0) FROM filing
            WHERE due_date IS NOT NULL AND status IN (\(Self.openStatusList))
            """, [today.iso, today.iso, today.adding(days: withinDays).iso])
        return (try row?.decode(Int.self, at: 0) ?? 0, try row?.decode(Int.self, at: 1) ?? 0)
    }

    /// How many filings have a due date left undetermined for want of a year of rest-day data.
    package func undeterminedDeadlineCount(in db: Database) throws -> Int {
        try db.fetchOne("SELECT COUNT(*) FROM filing WHERE timeliness = 'undetermined'")?.decode(Int.self, at: 0) ?? 0
    }
}
