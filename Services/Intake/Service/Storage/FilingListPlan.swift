import BeianModel
import BeianStore

/// List plan (列表查询计划): the SQL of one list page (`ListFilings`, `ExportFilings`): newest first (`seq DESC`), at most
/// `pageSize + 1` rows (the extra one says there is a next page), continuing below the cursor's
/// row. Which index answers (see `IntakeSchema.compactFilings`; checked by `ListPlanTests` with
/// EXPLAIN QUERY PLAN):
/// - a name search drives the page from its FTS5 index in row order, newest first, joining each
///   match to its filing and stopping once the page is full: `filing_gram` for 1–2 characters,
///   `filing_search` (trigram) for more;
/// - a date range reads the matching row numbers from the covering index `filing_dated` (date
///   first, then every other filter column), or for government filings from the partial
///   `filing_government_dated`, so that no filing row is read before the page is known; only the
///   numbers are sorted;
/// - otherwise SQLite walks an index in row order: `filing_local_status`, `filing_status`,
///   `filing_local_office`, `filing_verification`, `filing_timeliness` or `filing_review` for
///   those filters, or the table itself (a filing row is small, so a filter on another column
///   reads few pages). A filter on the value almost every filing has (`verification = verified`)
///   is written `+column` so that it never drives the walk.
package struct FilingListPlan: Sendable {
    /// The statement.
    package let sql: String
    /// Its parameters.
    package let arguments: [DatabaseValue]

    /// The columns of `FilingRepository.summary`, in order (alias `f`).
    static let columns = """
        f.seq, f.id, f.status, f.object_kind, f.platform, f.account_name, f.operator_kind, f.operator_name, f.government,
            f.id_number_masked, f.mobile_masked, f.local_office, f.filing_number, f.scope_outcome, f.review_needed,
            f.verification, f.timeliness, f.due_date, f.submitted_on, f.updated_at_ms, f.version
        """

    /// The page of `query` for a staff member with `scope`.
    package init(_ query: FilingQuery, scope: StaffScope) {
        var filters = Filters()
        filters.add(query, scope: scope)
        let limit = DatabaseValue.integer(Int64(query.pageSize + 1))
        let text = query.text.flatMap { $0.isEmpty ? nil : $0 }
        if let text, let token = SearchText.gramQuery(SearchText.gramForm(text)) {
            (sql, arguments) = Self.searched(index: "filing_gram", match: "\"" + token + "\"", filters, query, limit)
        } else if let text {
            (sql, arguments) = Self.searched(index: "filing_search", match: SearchText.trigramQuery(text), filters,
                                             query, limit)
        } else if query.submittedFrom != nil || query.submittedTo != nil {
            var inner = filters
            if let after = query.after { inner.add("seq < ?", .integer(after)) }
            let index = query.government == true ? "filing_government_dated" : "filing_dated"
            sql = """
                SELECT \(Self.columns) FROM filing f WHERE f.seq IN (
                    SELECT seq FROM filing INDEXED BY \(index) WHERE \(inner.sql(alias: ""))
                    ORDER BY seq DESC LIMIT ?)
                ORDER BY f.seq DESC
                """
            arguments = inner.arguments + [limit]
        } else {
            var all = filters
            if let after = query.after { all.add("seq < ?", .integer(after)) }
            let filter = all.isEmpty ? "" : "WHERE " + all.sql(alias: "f.")
            sql = "SELECT \(Self.columns) FROM filing f \(filter) ORDER BY f.seq DESC LIMIT ?"
            arguments = all.arguments + [limit]
        }
    }

    /// A page driven by an FTS5 index (rowid = `filing.seq`), newest match first.
    private static func searched(index: String, match: String, _ filters: Filters, _ query: FilingQuery,
                                 _ limit: DatabaseValue) -> (String, [DatabaseValue]) {
        var conditions = ["\(index) MATCH ?"]
        var arguments: [DatabaseValue] = [.text(match)]
        if let after = query.after {
            conditions.append("s.rowid < ?")
            arguments.append(.integer(after))
        }
        if !filters.isEmpty { conditions.append(filters.sql(alias: "f.")) }
        let sql = """
            SELECT \(columns) FROM \(index) s JOIN filing f ON f.seq = s.rowid
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY s.rowid DESC LIMIT ?
            """
        return (sql, arguments + filters.arguments + [limit])
    }

    /// Filter conditions on `filing` columns; `@` stands for the table alias.
    struct Filters {
        private var conditions: [String] = []
        private(set) var arguments: [DatabaseValue] = []

        var isEmpty: Bool { conditions.isEmpty }

        mutating func add(_ condition: String, _ values: DatabaseValue...) {
            conditions.append(condition)
            arguments.append(contentsOf: values)
        }

        /// The conditions joined with AND, columns prefixed with `alias` (`"f."` or `""`).
        func sql(alias: String) -> String {
            conditions.map { $0.replacingOccurrences(of: "@", with: alias) }.joined(separator: " AND ")
        }

        /// Every filter of `query` and the staff member's scope (row position and text aside).
        mutating func add(_ query: FilingQuery, scope: StaffScope) {
            if let local = scope.localOfficeID { add("@local_office = ?", .text(local)) }
            if let status = query.status { add("@status = ?", .text(status.rawValue)) }
            if let kind = query.objectKind { add("@object_kind = ?", .text(kind.rawValue)) }
            if let platform = query.platform { add("@platform = ?", .text(platform.rawValue)) }
            if let local = query.localOffice {
                if local.isEmpty { add("@local_office IS NULL") } else { add("@local_office = ?", .text(local)) }
            }
            if let kind = query.operatorKind { add("@operator_kind = ?", .text(kind.rawValue)) }
            // A literal, not a parameter: SQLite uses the partial index `filing_government_dated`
            // only when the query's own text implies its `government = 1`.
            if let government = query.government { add(government ? "@government = 1" : "@government = 0") }
            if let timeliness = query.timeliness { add("@timeliness = ?", .text(timeliness.rawValue)) }
            if let late = query.late { add(late ? "@timeliness = 'late'" : "@timeliness IN ('early', 'on_time')") }
            if let state = query.verification {
                add(state == .verified ? "+@verification = ?" : "@verification = ?", .text(state.rawValue))
            }
            if let review = query.reviewNeeded { add(review ? "@review_needed = 1" : "+@review_needed = 0") }
            if let from = query.submittedFrom { add("@submitted_on >= ?", .text(from.iso)) }
            if let to = query.submittedTo { add("@submitted_on <= ?", .text(to.iso)) }
        }
    }
}
