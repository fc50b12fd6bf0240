import BeianJSON
import BeianModel
import BeianRPC
import IntakeService

/// Why a row was not filed, with the spreadsheet column it is about (nil: the row as a whole).
struct ImportReason: Hashable {
    var column: String?
    var zh: String
    var en: String
}

/// What happened to one row.
enum ImportOutcome {
    /// Filed now.
    case filed(SubmissionReceipt)
    /// Filed before this run (same idempotency key): intake returned the first receipt.
    case alreadyFiled(SubmissionReceipt)
    /// The same content as an earlier row of this file (not sent again).
    case duplicate(ofRow: Int)
    /// Not filed, with every reason.
    case refused([ImportReason])
    /// Dry run: intake would file it.
    case wouldFile(ScopeCheckResponse)
    /// Not sent, or the service failed for it (the import stopped).
    case notSubmitted(RPCError)

    /// The receipt, when the row is filed.
    var receipt: SubmissionReceipt? {
        switch self {
        case .filed(let receipt), .alreadyFiled(let receipt): receipt
        default: nil
        }
    }
}

/// One row's result.
struct ImportResult {
    var row: ImportRow
    var key: String
    var outcome: ImportOutcome
    /// For a row filed now: the filings of the same content in the receipts file (filed before
    /// with another staff member's certificate, whose idempotency keys are apart).
    var earlierFilings: [String] = []
}

extension ImportReason {
    /// The reasons of a failed call: every field violation under its column, or the scope
    /// decision, or the status message.
    static func from(_ error: RPCError, row: ImportRow, header: ImportHeader) -> [ImportReason] {
        if !error.fieldViolations.isEmpty {
            return error.fieldViolations.map { violation in
                ImportReason(column: row.column(for: violation.field, header: header),
                             zh: violation.descriptionZh ?? violation.description,
                             en: violation.descriptionEn ?? violation.description)
            }
        }
        for detail in error.details where detail["type"]?.stringValue == "scope_decision" {
            if let value = detail["decision"], let decision = try? JSONCoding.decode(ScopeDecision.self, from: value) {
                return [scope(decision)]
            }
        }
        return [ImportReason(column: nil, zh: "\(error.code.name)：\(error.message)", en: "\(error.code.name): \(error.message)")]
    }

    /// A scope decision that refuses the row: out of scope, or to be filed elsewhere (where).
    static func scope(_ decision: ScopeDecision) -> ImportReason {
        if decision.outcome == .referredElsewhere {
            let zhPlace = [decision.referral?.nameZh, decision.referral?.url].compactMap { $0 }.joined(separator: " ")
            let enPlace = [decision.referral?.nameEn, decision.referral?.url].compactMap { $0 }.joined(separator: " ")
            return ImportReason(column: nil, zh: "不在本办备案，应到\(zhPlace)备案：\(decision.summaryZh)",
                                en: "not filed here; file with \(enPlace): \(decision.summaryEn)")
        }
        return ImportReason(column: nil, zh: "不属于本办备案范围：\(decision.summaryZh)",
                            en: "out of this office's scope: \(decision.summaryEn)")
    }
}
