import BeianJSON
import BeianModel
import BeianStore

/// Intake's filings in `intake.sqlite`: rows ⇄ `IntakeFiling`, sealing what is personal.
///
/// Functions taking a `Database` run inside the caller's `Store.read` / `Store.write` closure, so
/// that a handler's change, its history entry and its audit entry commit together. Queries live
/// in `FilingRepository+*.swift` files by concern; add new ones the same way.
package struct FilingRepository: Sendable {
    /// The database.
    package let store: Store
    /// Seals personal data and computes look-up hashes.
    package let cipher: FieldCipher

    /// Creates a repository over an opened store.
    package init(store: Store, cipher: FieldCipher) {
        self.store = store
        self.cipher = cipher
    }

    /// Sealing purposes (the column a box belongs to).
    enum Purpose {
        static let state = "filing.state_box"
        static let decisions = "filing.decisions_box"
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

/// Intake's decisions as sealed in `decisions_box`.
struct StoredDecisions: Codable {
    var scope: ScopeDecision
    var deadline: DeadlineAssessment?
    var verification: Verification
    var reviewNeeded: Bool
    var corrections: [FieldViolation]
}
