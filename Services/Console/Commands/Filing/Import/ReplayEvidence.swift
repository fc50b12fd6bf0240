import BeianRPC
import IntakeService

/// Tells a filing made by this call from an earlier one that intake answered again (幂等重放).
///
/// Intake answers a repeated idempotency key with the first receipt, unchanged, and says nothing
/// more (keys are per staff member: the same row sent with another certificate is a new filing).
/// So the runner looks before it sends: the filings of the office whose names match the row's
/// account name (`ListFilings` with `query`), and the receipts file of earlier runs. A receipt
/// naming a filing that existed before the call is an earlier filing; any other is new.
struct ReplayEvidence {
    /// Receipts of earlier runs.
    let receipts: ReceiptsFile

    /// The ids of the filings whose account or operator name contains `name` (every page), or nil
    /// when the look-up failed (then only the receipts file is evidence).
    static func filings(named name: String, at intake: IntakeConnection) async -> Set<String>? {
        guard !name.isEmpty else { return [] }
        var request = ListFilingsRequest(FilingFilters(query: name), pageSize: 500)
        var ids: Set<String> = []
        while true {
            guard let page = try? await intake.call("ListFilings", request, as: ListFilingsResponse.self) else {
                return nil
            }
            ids.formUnion(page.filings.map(\.filingId))
            guard let next = page.nextCursor else { return ids }
            request.cursor = next
        }
    }

    /// Whether `receipt` names a filing that existed before the row was sent (`before`: the
    /// look-up made then).
    func isEarlierFiling(_ receipt: SubmissionReceipt, before: Set<String>?) -> Bool {
        receipts.contains(filingId: receipt.filingId) || before?.contains(receipt.filingId) == true
    }

    /// The filings the receipts file holds for the same row content (key) other than `receipt`'s:
    /// filed before under another staff member's key.
    func otherFilings(key: String, than receipt: SubmissionReceipt) -> [String] {
        receipts.entries(key: key).map(\.filingId).filter { $0 != receipt.filingId }
    }
}
