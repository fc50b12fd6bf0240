import BeianJSON
import BeianModel
import BeianStore

/// A filing's row values, sealed boxes and search texts, computed before the write transaction
/// (`FilingRepository.prepare`), so that the single writer only binds and steps statements.
package struct PreparedFiling: Sendable {
    /// One version to insert.
    package struct Version: Sendable {
        var number: Int
        var atMilliseconds: Int64
        var actor: String
        var event: String
        var status: String
        /// Sealed content; empty when the content is the previous version's.
        package var contentBox: [UInt8]
    }

    /// The record the values were made from.
    package let record: IntakeFiling
    /// Versions already stored (those after it are inserted).
    let storedVersions: Int
    /// `filing` columns from `local_office` to `version`, in `FilingRepository.columnList` order.
    let columns: [DatabaseValue]
    /// The sealed `StoredState`.
    package let stateBox: [UInt8]
    /// The shared values it refers to.
    let shared: [SharedValue]
    /// The versions to insert.
    package let versions: [Version]
    /// Texts for the trigram index (names, with their folded forms).
    let trigramNames: (account: String, operator: String)
    /// Tokens for the gram index.
    let grams: String
    /// The account or website the filing holds (`ObjectKey`), nil when none.
    let objectKey: ObjectKey?
}

extension FilingRepository {
    /// The `filing` columns written on insert and update, in the order of `PreparedFiling.columns`.
    static let columnList = [
        "local_office", "status", "object_kind", "platform", "operator_kind", "government", "account_name",
        "operator_name", "credit_code", "id_number_masked", "mobile_masked", "id_number_lookup", "filing_number",
        "scope_outcome", "review_needed", "verification", "timeliness", "due_date", "submitted_on", "submitted_at_ms",
        "updated_at_ms", "version",
    ]

    /// Everything `insert` or `update` writes for `record`, computed now (outside the writer):
    /// plain columns, the sealed state, the sealed content of the versions after
    /// `storedVersions`, and the search texts.
    package func prepare(_ record: IntakeFiling, storedVersions: Int = 0) throws -> PreparedFiling {
        let filing = record.filing
        var platform: String?
        if case .account(let account) = filing.object { platform = account.platform.rawValue }
        var creditCode: String?
        if case .unit(let unit) = filing.operator { creditCode = unit.creditCode }
        let values: [(any DatabaseValueConvertible)?] = [
            filing.localOfficeCode, filing.status.rawValue, filing.object.kind.rawValue, platform,
            filing.operator.kind.rawValue, filing.operator.isGovernment, filing.object.name, filing.operator.name,
            creditCode, FilingMasking.listedIDNumber(filing.operator), FilingMasking.listedMobile(filing.operator),
            cipher.lookupHash(FilingMasking.lookupIDNumber(filing.operator), purpose: Purpose.idLookup),
            filing.filingNumber, record.scope.outcome.rawValue, record.reviewNeeded,
            record.verification.state.rawValue, record.deadline?.timeliness.rawValue, record.deadline?.dueDate?.iso,
            record.submittedOn.iso, record.submittedAt.millisecondsSinceEpoch, record.updatedAt.millisecondsSinceEpoch,
            filing.version,
        ]
        var versions: [PreparedFiling.Version] = []
        for index in filing.versions.indices.dropFirst(storedVersions) {
            let version = filing.versions[index]
            let unchanged = index > 0 && filing.versions[index - 1].content == version.content
            versions.append(PreparedFiling.Version(
                number: version.number, atMilliseconds: version.at.millisecondsSinceEpoch, actor: version.by,
                event: version.event, status: version.status.rawValue,
                contentBox: unchanged ? [] : try seal(version.content, purpose: Purpose.content)))
        }
        let account = filing.object.name, person = filing.operator.name
        let (state, shared) = try StoredState.make(record, values: shared)
        return PreparedFiling(
            record: record, storedVersions: storedVersions, columns: StatementArguments(values).positional,
            stateBox: try seal(state, purpose: Purpose.compactState), shared: shared, versions: versions,
            trigramNames: (SearchText.trigramText(account), SearchText.trigramText(person)),
            grams: SearchText.grams(account, person), objectKey: ObjectKey.held(by: record))
    }
}
