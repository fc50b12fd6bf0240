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
    /// after when there are more. The SQL and which index serves which filters: `FilingListPlan`.
    package func list(_ query: FilingQuery, scope: StaffScope,
                      in db: Database) throws -> (rows: [FilingSummary], next: Int64?) {
        let plan = FilingListPlan(query, scope: scope)
        let rows = try db.makeStatement(plan.sql).fetchAll(StatementArguments(values: plan.arguments))
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
