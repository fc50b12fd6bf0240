import BeianModel
import BeianStore
import IntakeService
import Testing

/// The query plans of list pages (EXPLAIN QUERY PLAN): without statistics SQLite plans from the
/// schema and the SQL alone, so a small database shows the plans of a large one.
@Suite("List query plans: an index for every common filter combination")
struct ListPlanTests {
    /// How a page must be read.
    enum Access: Sendable, CustomStringConvertible {
        /// Walking `index` (or the table when nil) in row order, no sort.
        case walk(String?)
        /// Row numbers from a covering date index, sorted, then the rows by number.
        case dated(String)
        /// Driven by the FTS5 table, newest match first, no sort.
        case search(String)

        var description: String {
            switch self {
            case .walk(let index): "walk \(index ?? "table")"
            case .dated(let index): "dated \(index)"
            case .search(let table): "search \(table)"
            }
        }
    }

    static func query(_ change: (inout FilingQuery) throws -> Void) rethrows -> FilingQuery {
        var query = FilingQuery()
        try change(&query)
        return query
    }

    static let cases: [(String, StaffScope, FilingQuery, Access)] = {
        let may = try! CivilDate(iso: "2022-05-01"), june = try! CivilDate(iso: "2022-05-31")
        let local = StaffScope.localOffice("611021")
        return [
            ("no filter", .office, query { _ in }, .walk(nil)),
            ("no filter, local staff", local, query { _ in }, .walk("filing_local_office")),
            ("status", .office, query { $0.status = .submitted }, .walk("filing_status")),
            ("status, local staff", local, query { $0.status = .submitted }, .walk("filing_local_status")),
            ("local office and status", .office, query { $0.localOffice = "611021"; $0.status = .accepted },
             .walk("filing_local_status")),
            ("office itself", .office, query { $0.localOffice = "" }, .walk("filing_local_office")),
            ("verification pending", .office, query { $0.verification = .pending }, .walk("filing_verification")),
            ("verification verified", .office, query { $0.verification = .verified }, .walk(nil)),
            ("verified and status", .office, query { $0.verification = .verified; $0.status = .submitted },
             .walk("filing_status")),
            ("late", .office, query { $0.late = true }, .walk("filing_timeliness")),
            ("timeliness overdue", .office, query { $0.timeliness = .overdue }, .walk("filing_timeliness")),
            ("review needed", .office, query { $0.reviewNeeded = true }, .walk("filing_review")),
            ("platform and operator kind", .office, query { $0.platform = .douyin; $0.operatorKind = .individual },
             .walk(nil)),
            ("government", .office, query { $0.government = true }, .walk(nil)),
            ("government, May", .office, query { $0.government = true; $0.submittedFrom = may; $0.submittedTo = june },
             .dated("filing_government_dated")),
            ("government, local staff, from a date", local, query { $0.government = true; $0.submittedFrom = may },
             .dated("filing_government_dated")),
            ("not government, May", .office, query { $0.government = false; $0.submittedFrom = may; $0.submittedTo = june },
             .dated("filing_dated")),
            ("from a date", .office, query { $0.submittedFrom = may }, .dated("filing_dated")),
            ("status, local staff, until a date", local, query { $0.status = .accepted; $0.submittedTo = june },
             .dated("filing_dated")),
            ("name, 1 character", .office, query { $0.text = "丹" }, .search("filing_gram")),
            ("name, 2 characters, local staff, status", local, query { $0.text = "洛南"; $0.status = .accepted },
             .search("filing_gram")),
            ("name, 2 characters, May", .office, query { $0.text = "鹤翔"; $0.submittedFrom = may },
             .search("filing_gram")),
            ("name, 3+ characters", .office, query { $0.text = "商洛美食" }, .search("filing_search")),
            ("name, 3+ characters, pending", .office, query { $0.text = "秦岭深处"; $0.verification = .pending },
             .search("filing_search")),
        ]
    }()

    @Test("each filter combination reads its page from the expected index, without sorting rows")
    func plans() async throws {
        try await IntakeHarness.with(office: VariedFilings.office, today: VariedFilings.today) { intake in
            for (name, scope, query, access) in Self.cases {
                for after in [nil, Int64(1_000)] {
                    var paged = query
                    paged.after = after
                    let plan = FilingListPlan(paged, scope: scope)
                    let details = try await intake.runtime.store.read { db in
                        try db.makeStatement("EXPLAIN QUERY PLAN " + plan.sql)
                            .fetchAll(StatementArguments(values: plan.arguments))
                            .map { try $0.decode(String.self, at: 3) }
                    }
                    let text = details.joined(separator: " | ")
                    switch access {
                    case .walk(let index):
                        #expect(details.count == 1, "\(name): \(text)")
                        if let index {
                            #expect(text.contains("SCAN f USING INDEX \(index)") || text.contains("SEARCH f USING INDEX \(index)")
                                || text.contains("USING COVERING INDEX \(index)"), "\(name): \(text)")
                        } else {
                            // The table itself in row order: a scan, or a range of the row numbers.
                            #expect(text == "SCAN f" || text == "SEARCH f USING INTEGER PRIMARY KEY (rowid<?)",
                                    "\(name): \(text)")
                        }
                        #expect(!text.contains("TEMP B-TREE"), "\(name): \(text)")
                    case .dated(let index):
                        #expect(text.contains("USING COVERING INDEX \(index) "), "\(name): \(text)")
                        #expect(text.contains("SEARCH f USING INTEGER PRIMARY KEY"), "\(name): \(text)")
                    case .search(let table):
                        #expect(details.first?.hasPrefix("SCAN s VIRTUAL TABLE INDEX") == true, "\(name): \(text)")
                        #expect(details.dropFirst().first?.hasPrefix("SEARCH f USING INTEGER PRIMARY KEY") == true,
                                "\(name): \(text)")
                        #expect(plan.sql.contains("FROM \(table) s"), "\(name): \(text)")
                        #expect(!text.contains("TEMP B-TREE"), "\(name): \(text)")
                    }
                }
            }
        }
    }
}
