import BeianJSON
import BeianModel
import BeianRPC
import BeianTLS
import IntakeService

/// Files the rows of a spreadsheet through intake, a few calls at a time.
///
/// Each row is a `SubmitFiling` with the metadata `idempotency-key` = a hash of the office code and
/// the row's normalized form, so that running the same file again with the same certificate files
/// nothing twice (intake answers with the first receipt) while a changed row is a new filing.
/// Whether a receipt is new or an earlier filing's is decided by `ReplayEvidence` (intake's
/// `idempotent-replay` metadata, or the receipts file). Calls that fail for the
/// service's sake (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED) are retried with
/// the same key; when they keep failing, or the certificate is refused, the import stops and the
/// remaining rows are reported as not submitted.
struct ImportRunner {
    let intake: IntakeConnection
    let header: ImportHeader
    /// The office code in the idempotency key.
    let office: String
    let dryRun: Bool
    let concurrency: Int
    /// Receipts of earlier runs, and how to read intake's answers.
    let evidence: ReplayEvidence
    let progress: ImportProgress

    /// Codes worth a retry with the same key.
    static let transient: Set<RPCStatus.Code> = [.unavailable, .deadlineExceeded, .resourceExhausted, .aborted]
    /// Attempts per row for transient failures.
    static let attempts = 4

    /// The idempotency key of a row's form: `import-` and 40 hex digits of SHA-256.
    static func key(office: String, submission: FilingSubmission) -> String {
        let form = (try? JSONCoding.encode(submission)) ?? []
        let digest = SHA256.hash(Array("beian.filing.import/v1\n\(office)\n".utf8) + form)
        return "import-" + Hex.encode(digest.prefix(20))
    }

    /// Runs every row; returns the results in row order and the error that stopped the import, if any.
    func run(_ rows: [ImportRow]) async -> (results: [ImportResult], stoppedBy: RPCError?) {
        var results = rows.map { ImportResult(row: $0, key: Self.key(office: office, submission: $0.submission),
                                              outcome: .notSubmitted(RPCError(.cancelled, "not submitted"))) }
        var firstRowOfKey: [String: Int] = [:]
        var pending: [Int] = []
        for index in results.indices {
            if let first = firstRowOfKey[results[index].key] {
                results[index].outcome = .duplicate(ofRow: results[first].row.row)
                progress.advance(results[index].outcome)
            } else {
                firstRowOfKey[results[index].key] = index
                pending.append(index)
            }
        }
        var stoppedBy: RPCError?
        await withTaskGroup(of: (Int, ImportOutcome).self) { group in
            var next = 0
            func start() {
                let index = pending[next], result = results[index]
                next += 1
                group.addTask { (index, await process(result)) }
            }
            while next < min(concurrency, pending.count) { start() }
            for await (index, outcome) in group {
                results[index].outcome = outcome
                if case .filed(let receipt) = outcome {
                    results[index].earlierFilings = evidence.otherFilings(key: results[index].key, than: receipt)
                }
                progress.advance(outcome)
                if case .notSubmitted(let error) = outcome, stoppedBy == nil { stoppedBy = error }
                if stoppedBy == nil, next < pending.count { start() }
            }
        }
        if let stoppedBy {
            let notSent = RPCError(stoppedBy.code, "not submitted: the import stopped (\(stoppedBy.code.name))")
            for index in pending where results[index].outcome.isUntouched {
                results[index].outcome = .notSubmitted(notSent)
            }
        }
        return (results, stoppedBy)
    }

    private func process(_ result: ImportResult) async -> ImportOutcome {
        let row = result.row
        if !row.problems.isEmpty {
            // Cells that cannot be read: not sent; intake's check adds what else is wrong.
            var reasons = row.problems.map { ImportReason(column: $0.column, zh: $0.zh, en: $0.en) }
            if case .failure(let error) = await attempt({ () throws(RPCError) in
                try await intake.call("CheckScope", row.submission, as: ScopeCheckResponse.self)
            }), error.code == .invalidArgument {
                reasons += ImportReason.from(error, row: row, header: header)
                    .filter { reason in !reasons.contains { $0.column == reason.column } }
            }
            return .refused(reasons)
        }
        if dryRun {
            switch await attempt({ () throws(RPCError) in
                try await intake.call("CheckScope", row.submission, as: ScopeCheckResponse.self)
            }) {
            case .success(let check):
                if check.wouldFile { return .wouldFile(check) }
                let refusals = (check.refusals ?? []).map { violation in
                    ImportReason(column: row.column(for: violation.field, header: header), zh: violation.messageZh,
                                 en: violation.messageEn)
                }
                return .refused(refusals.isEmpty ? [ImportReason.scope(check.scope)] : refusals)
            case .failure(let error):
                return refusal(error, row: row)
            }
        }
        let metadata = [IntakeService.idempotencyKey: result.key]
        switch await attempt({ () throws(RPCError) in
            try await intake.callWithMetadata("SubmitFiling", row.submission, as: SubmissionReceipt.self,
                                              metadata: metadata)
        }) {
        case .success(let (receipt, trailing)):
            return evidence.isEarlierFiling(receipt, metadata: trailing) ? .alreadyFiled(receipt) : .filed(receipt)
        case .failure(let error):
            return refusal(error, row: row)
        }
    }

    /// A refused row, or `notSubmitted` (which stops the import) for failures that are not about the row.
    private func refusal(_ error: RPCError, row: ImportRow) -> ImportOutcome {
        switch error.code {
        case .invalidArgument, .failedPrecondition, .alreadyExists, .outOfRange:
            .refused(ImportReason.from(error, row: row, header: header))
        default:
            .notSubmitted(error)
        }
    }

    /// Runs `call`, retrying transient failures with backoff (0.5 s, 1 s, 2 s).
    private func attempt<T: Sendable>(_ call: () async throws(RPCError) -> T) async -> Result<T, RPCError> {
        var delay = Duration.milliseconds(500)
        for number in 1...Self.attempts {
            do throws(RPCError) {
                return .success(try await call())
            } catch {
                guard Self.transient.contains(error.code), number < Self.attempts else { return .failure(error) }
                try? await Task.sleep(for: delay)
                delay *= 2
            }
        }
        return .failure(RPCError(.internal, "unreachable"))
    }
}

extension ImportOutcome {
    /// Still the placeholder set before the row was sent.
    var isUntouched: Bool {
        if case .notSubmitted(let error) = self { return error.code == .cancelled && error.message == "not submitted" }
        return false
    }
}
