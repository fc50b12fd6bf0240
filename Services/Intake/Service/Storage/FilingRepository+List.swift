import BeianModel
import BeianStore

/// One row of a staff list (列表项): plain columns only, personal numbers masked.
package struct FilingSummary: Sendable, Hashable, Codable {
    /// Filing id.
    package var filingId: String
    /// Status.
    package var status: FilingStatus
    /// Object kind.
    package var objectKind: ObjectKind
    /// Platform, for accounts.
    package var platform: Platform?
    /// Account (object) name.
    package var accountName: String
    /// Unit or individual.
    package var operatorKind: OperatorKind
    /// Operator's name.
    package var operatorName: String
    /// Government media.
    package var government: Bool
    /// Masked ID number (the individual's or the responsible person's).
    package var idNumberMasked: String
    /// Masked mobile.
    package var mobileMasked: String
    /// Local office id, when routed to one.
    package var localOfficeCode: String?
    /// Filing number, once accepted.
    package var filingNumber: String?
    /// Scope outcome.
    package var scopeOutcome: ScopeOutcome
    /// Scope needs a staff decision.
    package var reviewNeeded: Bool
    /// Identity verification state.
    package var verification: VerificationState
    /// Timeliness of the latest deadline assessment.
    package var timeliness: Timeliness?
    /// Due date of the latest deadline assessment.
    package var dueDate: CivilDate?
    /// Date submitted.
    package var submittedOn: CivilDate
    /// Last change.
    package var updatedAt: Timestamp
    /// Current version.
    package var version: Int
}

extension FilingRepository {
    /// A page of filings matching `query` visible to `scope`, newest first, and the row to continue
    /// after when there are more.
    ///
    /// Name search: 3 characters or more go through the trigram index (`filing_search MATCH`);
    /// shorter texts are a substring scan (`instr`) over the rows the other filters leave, in
    /// row order, which stops once the page is full.
    package func list(_ query: FilingQuery, scope: StaffScope,
                      in db: Database) throws -> (rows: [FilingSummary], next: Int64?) {
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        func add(_ condition: String, _ values: DatabaseValue...) {
            conditions.append(condition)
            arguments.append(contentsOf: values)
        }
        if let local = scope.localOfficeID { add("local_office = ?", .text(local)) }
        if let status = query.status { add("status = ?", .text(status.rawValue)) }
        if let kind = query.objectKind { add("object_kind = ?", .text(kind.rawValue)) }
        if let platform = query.platform { add("platform = ?", .text(platform.rawValue)) }
        if let local = query.localOffice {
            if local.isEmpty { add("local_office IS NULL") } else { add("local_office = ?", .text(local)) }
        }
        if let kind = query.operatorKind { add("operator_kind = ?", .text(kind.rawValue)) }
        if let government = query.government { add("government = ?", .integer(government ? 1 : 0)) }
        if let timeliness = query.timeliness { add("timeliness = ?", .text(timeliness.rawValue)) }
        if let late = query.late { add(late ? "timeliness = 'late'" : "timeliness IN ('early', 'on_time')") }
        if let state = query.verification { add("verification = ?", .text(state.rawValue)) }
        if let review = query.reviewNeeded { add("review_needed = ?", .integer(review ? 1 : 0)) }
        if let from = query.submittedFrom { add("submitted_on >= ?", .text(from.iso)) }
        if let to = query.submittedTo { add("submitted_on <= ?", .text(to.iso)) }
        if let text = query.text, !text.isEmpty {
            if text.count >= FilingQuery.trigramLength {
                add("seq IN (SELECT rowid FROM filing_search WHERE filing_search MATCH ?)",
                    .text("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""))
            } else {
                add("(instr(account_name, ?) > 0 OR instr(operator_name, ?) > 0)", .text(text), .text(text))
            }
        }
        if let after = query.after { add("seq < ?", .integer(after)) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT seq, id, status, object_kind, platform, account_name, operator_kind, operator_name, government,
                id_number_masked, mobile_masked, local_office, filing_number, scope_outcome, review_needed,
                verification, timeliness, due_date, submitted_on, updated_at_ms, version
            FROM filing \(filter) ORDER BY seq DESC LIMIT ?
            """
        arguments.append(.integer(Int64(query.pageSize + 1)))
        let rows = try db.makeStatement(sql).fetchAll(StatementArguments(values: arguments))
        var summaries: [FilingSummary] = []
        var last: Int64?
        for row in rows.prefix(query.pageSize) {
            summaries.append(try summary(row))
            last = try row.decode(Int64.self, at: 0)
        }
        return (summaries, rows.count > query.pageSize ? last : nil)
    }

    private func summary(_ row: Row) throws -> FilingSummary {
        func value<T: RawRepresentable>(_ type: T.Type, _ index: Int) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: try row.decode(String.self, at: index)) else {
                throw StoreError(.decoding, "column \(row.columnNames[index]) holds an unknown \(T.self)")
            }
            return value
        }
        guard let submittedOn = CivilDate(try row.decode(String.self, at: 18)) else {
            throw StoreError(.decoding, "filing.submitted_on is not a date")
        }
        return FilingSummary(
            filingId: try row.decode(at: 1), status: try value(FilingStatus.self, 2),
            objectKind: try value(ObjectKind.self, 3),
            platform: try row.decode(String?.self, at: 4).flatMap(Platform.init(rawValue:)),
            accountName: try row.decode(at: 5), operatorKind: try value(OperatorKind.self, 6),
            operatorName: try row.decode(at: 7), government: try row.decode(at: 8), idNumberMasked: try row.decode(at: 9),
            mobileMasked: try row.decode(at: 10), localOfficeCode: try row.decode(at: 11),
            filingNumber: try row.decode(at: 12), scopeOutcome: try value(ScopeOutcome.self, 13),
            reviewNeeded: try row.decode(at: 14), verification: try value(VerificationState.self, 15),
            timeliness: try row.decode(String?.self, at: 16).flatMap(Timeliness.init(rawValue:)),
            dueDate: try row.decode(String?.self, at: 17).flatMap(CivilDate.init),
            submittedOn: submittedOn,
            updatedAt: Timestamp(millisecondsSinceEpoch: try row.decode(Int64.self, at: 19)),
            version: try row.decode(at: 20))
    }
}
