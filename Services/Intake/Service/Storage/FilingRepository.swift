import BeianJSON
import BeianModel
import BeianStore

/// Intake's filings in `intake.sqlite`: rows ⇄ `IntakeFiling`, sealing what is personal.
///
/// Writes are prepared outside the store's single writer (`prepare`: JSON, sealing, look-up
/// hashes, search texts), so that the write closure runs only the INSERTs and UPDATEs.
///
/// Functions taking a `Database` run inside the caller's `Store.read` / `Store.write` closure, so
/// that a handler's change, its history entry and its audit entry commit together. Queries live
/// in `FilingRepository+*.swift` files by concern; add new ones the same way.
package struct FilingRepository: Sendable {
    /// The database.
    package let store: Store
    /// Seals personal data and computes look-up hashes.
    package let cipher: FieldCipher
    /// Shared values read so far.
    let shared = SharedValueCache()

    /// Creates a repository over an opened store.
    package init(store: Store, cipher: FieldCipher) {
        self.store = store
        self.cipher = cipher
    }

    /// Sealing purposes (the column a box belongs to).
    enum Purpose {
        /// Format 1 (rows from `intake.v1`): the filing without versions.
        static let state = "filing.state_box"
        /// Format 1: intake's decisions.
        static let decisions = "filing.decisions_box"
        /// Format 2: `StoredState`.
        static let compactState = "filing_state.state_box"
        static let content = "filing_version.content_box"
        static let idLookup = "filing.id_number"
    }

    /// Seals a value as JSON.
    func seal<T: Encodable>(_ value: T, purpose: String) throws -> [UInt8] {
        let bytes = try JSONCoding.encode(value)
        return try cipher.seal(String(decoding: bytes, as: UTF8.self), purpose: purpose)
    }

    /// Opens a JSON value sealed by `seal`.
    func open<T: Decodable>(_ type: T.Type, _ box: [UInt8], purpose: String) throws -> T {
        let text = try cipher.open(box, purpose: purpose)
        return try JSONCoding.decode(type, from: Array(text.utf8))
    }
}

/// A filing as loaded: its row number and intake's record.
package struct StoredFiling: Sendable, Hashable {
    /// The row (internal; stable list order).
    package var sequence: Int64
    /// The record.
    package var record: IntakeFiling
    /// The version count when loaded (versions after it are new and get inserted on update).
    package var storedVersions: Int

    /// The public filing id.
    package var id: String { record.filing.id }
}

/// Intake's decisions as sealed in `decisions_box` (format 1).
struct StoredDecisions: Codable {
    var scope: ScopeDecision
    var deadline: DeadlineAssessment?
    var verification: Verification
    var reviewNeeded: Bool
    var corrections: [FieldViolation]
}

/// What `filing_state.state_box` holds in format 2: the filing's state without its content (the
/// current version's content is the filing's) and without versions, and intake's decisions, with
/// the values many filings repeat (deadline rule and window, routing) as `SharedValue` references.
struct StoredState: Codable {
    var id: String
    var officeCode: String
    var localOfficeCode: String?
    var status: FilingStatus
    var filingNumber: String?
    var change: ChangeFacts?
    var closure: ClosureFacts?
    var staffNote: String?
    /// The scope decision; its routing is `routingRef`'s when that is set.
    var scope: ScopeDecision
    var routingRef: String?
    /// The deadline; its rule and window are `ruleRef`'s and `windowRef`'s when those are set.
    var deadline: DeadlineAssessment?
    var ruleRef: String?
    var windowRef: String?
    var verification: Verification
    var reviewNeeded: Bool
    var corrections: [FieldViolation]

    /// The state of `record`, and the shared values it refers to (made through `values`, which
    /// remembers the ones it made).
    static func make(_ record: IntakeFiling, values: SharedValueCache) throws -> (StoredState, [SharedValue]) {
        let filing = record.filing
        var shared: [SharedValue] = []
        func reference<T: Encodable & Equatable & Sendable>(_ value: T?) throws -> String? {
            guard let value else { return nil }
            let item = try values.shared(value)
            shared.append(item)
            return item.ref
        }
        var scope = record.scope
        let routingRef = try reference(scope.routing)
        scope.routing = nil
        var deadline = record.deadline
        let ruleRef = try reference(deadline?.rule)
        let windowRef = try reference(deadline?.window)
        deadline?.rule = nil
        deadline?.window = nil
        let state = StoredState(
            id: filing.id, officeCode: filing.officeCode, localOfficeCode: filing.localOfficeCode, status: filing.status,
            filingNumber: filing.filingNumber, change: filing.change, closure: filing.closure,
            staffNote: filing.staffNote, scope: scope, routingRef: routingRef, deadline: deadline, ruleRef: ruleRef,
            windowRef: windowRef, verification: record.verification, reviewNeeded: record.reviewNeeded,
            corrections: record.corrections)
        return (state, shared)
    }

    /// The decisions, with the shared values put back.
    func decisions(_ shared: SharedValueCache, in db: Database) throws -> StoredDecisions {
        var scope = self.scope
        if let routingRef { scope.routing = try shared.value(OfficeRouting.self, routingRef, in: db) }
        var deadline = self.deadline
        if let ruleRef { deadline?.rule = try shared.value(DeadlineRule.self, ruleRef, in: db) }
        if let windowRef { deadline?.window = try shared.value(FilingWindow.self, windowRef, in: db) }
        return StoredDecisions(scope: scope, deadline: deadline, verification: verification, reviewNeeded: reviewNeeded,
                               corrections: corrections)
    }

    /// The filing with `content` as its current content and `versions`.
    func filing(content: FilingContent, versions: [FilingVersion]) -> Filing {
        var filing = Filing(id: id, officeCode: officeCode, localOfficeCode: localOfficeCode, content: content,
                            by: "", at: Timestamp(millisecondsSinceEpoch: 0))
        filing.status = status
        filing.filingNumber = filingNumber
        filing.change = change
        filing.closure = closure
        filing.staffNote = staffNote
        filing.versions = versions
        return filing
    }
}
