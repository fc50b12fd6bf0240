import BeianModel
import Foundation

/// A staff query over the office's filings (已校验的查询条件), built from `ListFilingsRequest`.
package struct FilingQuery: Sendable, Hashable {
    /// Status.
    package var status: FilingStatus?
    /// Object kind.
    package var objectKind: ObjectKind?
    /// Platform (accounts).
    package var platform: Platform?
    /// Local office id; `""` for filings the office handles itself.
    package var localOffice: String?
    /// Unit or individual.
    package var operatorKind: OperatorKind?
    /// Government media or not.
    package var government: Bool?
    /// Timeliness of the latest deadline assessment.
    package var timeliness: Timeliness?
    /// `true`: late only; `false`: early or on time only.
    package var late: Bool?
    /// Verification state.
    package var verification: VerificationState?
    /// Scope needs a staff decision.
    package var reviewNeeded: Bool?
    /// Submitted on or after.
    package var submittedFrom: CivilDate?
    /// Submitted on or before.
    package var submittedTo: CivilDate?
    /// Substring of the account (object) name or the operator's name, normalized.
    package var text: String?
    /// Rows per page.
    package var pageSize: Int
    /// Continue after this row (from the cursor).
    package var after: Int64?

    /// An empty query (everything, newest first).
    package init(pageSize: Int = FilingQuery.defaultPageSize) {
        self.pageSize = pageSize
    }

    /// Default page size.
    package static let defaultPageSize = 50
    /// Largest page size.
    package static let maximumPageSize = 500
    /// Search texts of fewer characters cannot use the trigram index.
    package static let trigramLength = 3
}

/// Opaque list cursors (分页游标): the position after which the next page starts, tied to the
/// query it came from so that it is not reused with other filters.
package enum ListCursor {
    /// The cursor continuing after row `sequence` of a query with `fingerprint`.
    package static func make(after sequence: Int64, fingerprint: String) -> String {
        let text = "v1:\(sequence):\(fingerprint)"
        return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The row a cursor continues after; nil when it is malformed or belongs to another query.
    package static func parse(_ cursor: String, fingerprint: String) -> Int64? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let sequence = Int64(parts[1]), sequence > 0,
              parts[2] == fingerprint else { return nil }
        return sequence
    }

    /// A short fingerprint of the filters of `query` (not the page position or size).
    package static func fingerprint(_ query: FilingQuery) -> String {
        var unpaged = query
        unpaged.after = nil
        unpaged.pageSize = 0
        var hasher = FNV1a()
        hasher.combine(String(describing: unpaged))
        return String(hasher.value, radix: 36)
    }
}

/// 64-bit FNV-1a: a stable hash (Swift's `Hasher` is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }
}
