import BeianRPC
import IntakeService

/// Tells a filing made by this call from an earlier one that intake answered again (幂等重放).
///
/// Intake answers a repeated idempotency key with the first receipt and the trailing metadata
/// `idempotent-replay: true` (keys are per staff member: the same row sent with another
/// certificate is a new filing). A receipt is also an earlier filing's when the receipts file of
/// earlier runs holds its filing id.
struct ReplayEvidence {
    /// Receipts of earlier runs.
    let receipts: ReceiptsFile

    /// Whether `receipt`, answered with `metadata`, names a filing made before this call.
    func isEarlierFiling(_ receipt: SubmissionReceipt, metadata: [String: String]) -> Bool {
        metadata[IntakeService.idempotentReplay] == "true" || receipts.contains(filingId: receipt.filingId)
    }

    /// The filings the receipts file holds for the same row content (key) other than `receipt`'s:
    /// filed before under another staff member's key.
    func otherFilings(key: String, than receipt: SubmissionReceipt) -> [String] {
        receipts.entries(key: key).map(\.filingId).filter { $0 != receipt.filingId }
    }
}
