import BeianModel
import BeianRPC
import BeianRuntime
import Synchronization

/// The background job that verifies filings stored while the identity service was unavailable
/// (待核验): it sweeps pending filings, calls identity in batches, and retries with exponential
/// backoff while identity stays unavailable. A filing found invalid is marked `invalid`, its
/// problems become corrections, and a `submitted` or `changed` filing is returned for correction;
/// every result goes to the filing's history and the audit chain.
package final class PendingVerification: Sendable {
    /// The actor name of the job in versions, history and audit.
    package static let actor = "service intake (identity verification)"
    /// Filings per identity call.
    package static let batchSize = 100

    /// What one sweep did.
    package enum Outcome: Sendable, Equatable {
        /// Nothing was pending.
        case idle
        /// Some filings were verified.
        case progress(Int)
        /// The identity service did not answer (or the database failed); retry later.
        case unavailable
    }

    private let service: IntakeService
    private let wakeup: Wakeup
    private let retryInitial: Duration
    private let retryMaximum: Duration
    private let sweepInterval: Duration
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// A job for `service`, woken by `wakeup`.
    package init(service: IntakeService, wakeup: Wakeup, retryInitial: Duration, retryMaximum: Duration,
                 sweepInterval: Duration) {
        self.service = service
        self.wakeup = wakeup
        self.retryInitial = retryInitial
        self.retryMaximum = retryMaximum
        self.sweepInterval = sweepInterval
    }

    /// Starts the job (once).
    package func start() {
        task.withLock { task in
            guard task == nil else { return }
            task = Task { [self] in await run() }
        }
    }

    /// Stops the job and waits for it.
    package func stop() async {
        let running = task.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }

    private func run() async {
        var delay = retryInitial
        while !Task.isCancelled {
            switch await sweep() {
            case .progress:
                delay = retryInitial
            case .idle:
                delay = retryInitial
                await wakeup.wait(timeout: sweepInterval)
            case .unavailable:
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, retryMaximum)
            }
        }
    }

    /// One pass over the pending filings.
    package func sweep() async -> Outcome {
        let repository = service.repository
        let pending: [StoredFiling]
        do {
            pending = try await service.store.read { db in
                try repository.pendingVerification(limit: Self.batchSize, in: db)
            }
        } catch {
            service.logger.error("pending verification: cannot read pending filings", ["error": .string("\(error)")])
            return .unavailable
        }
        guard !pending.isEmpty else { return .idle }
        return await verify(pending)
    }

    /// Verifies `filings` in one identity call. When identity refuses the batch as malformed
    /// (INVALID_ARGUMENT), each filing is tried alone, so that one bad filing cannot hold back the
    /// others; a filing refused alone is marked invalid with identity's answer.
    private func verify(_ filings: [StoredFiling]) async -> Outcome {
        var queries: [IdentityQuery] = []
        var owners: [[Int]] = Array(repeating: [], count: filings.count)
        for (index, stored) in filings.enumerated() {
            for query in IdentityNumbers.queries(for: stored.record.filing.operator) {
                owners[index].append(queries.count)
                queries.append(query)
            }
        }
        let results: [IdentityResult]
        do throws(RPCError) {
            results = try await service.identity.verify(queries)
        } catch where error.code == .invalidArgument {
            guard filings.count == 1, let stored = filings.first else {
                var done = 0
                for stored in filings {
                    switch await verify([stored]) {
                    case .progress(let count): done += count
                    case .unavailable: return done > 0 ? .progress(done) : .unavailable
                    case .idle: break
                    }
                }
                return .progress(done)
            }
            let refused = FieldViolation(
                field: queries.first?.ref ?? "operator", rule: "identity_refused",
                messageZh: "身份核验服务拒绝了该号码：\(error.message)",
                messageEn: "the identity service refused the number: \(error.message)")
            return await store([refused], for: stored) ? .progress(1) : .unavailable
        } catch {
            service.logger.info("pending verification: identity unavailable, retrying later",
                                ["code": .string(error.code.name), "pending": .int(filings.count)])
            return .unavailable
        }
        var done = 0
        for (index, stored) in filings.enumerated() {
            let violations = IdentityNumbers.violations(for: owners[index].map { results[$0] },
                                                        queries: owners[index].map { queries[$0] })
            guard await store(violations, for: stored) else { return .unavailable }
            done += 1
        }
        return .progress(done)
    }

    /// `apply`, logging a failure; false when the database failed.
    private func store(_ violations: [FieldViolation], for stored: StoredFiling) async -> Bool {
        do {
            _ = try await apply(violations, to: stored)
            return true
        } catch {
            service.logger.error("pending verification: cannot store a result",
                                 ["filing_id": .string(stored.id), "error": .string("\(error)")])
            return false
        }
    }

    /// Stores the verification result of one filing, unless it changed meanwhile.
    private func apply(_ violations: [FieldViolation], to loaded: StoredFiling) async throws -> Bool {
        let service = self.service
        let now = service.clock.now()
        return try await service.store.write { db in
            guard var stored = try service.repository.load(sequence: loaded.sequence, in: db),
                  stored.record.verification.state == .pending,
                  stored.record.filing.version == loaded.record.filing.version else { return false }
            var details = ["result": violations.isEmpty ? "verified" : "invalid"]
            if violations.isEmpty {
                stored.record.verification = Verification(state: .verified, checkedAt: now)
            } else {
                stored.record.verification = Verification(state: .invalid, checkedAt: now, problems: violations)
                stored.record.corrections = violations
                details["fields"] = violations.map(\.field).joined(separator: ",")
                let status = stored.record.filing.status
                if status == .submitted || status == .changed {
                    let reason = "身份核验未通过，请更正：" + violations.map(\.messageZh).joined(separator: "；")
                    stored.record.filing = try service.transition(
                        stored.record.filing, .returnForCorrection(reason: reason), by: Self.actor, at: now)
                }
            }
            stored.record.updatedAt = now
            try service.repository.update(stored, in: db)
            let version = stored.record.filing.version == loaded.record.filing.version ? nil : stored.record.filing.version
            try service.record("verify", actor: Self.actor, filing: stored, version: version, details: details, at: now,
                               in: db)
            return true
        }
    }
}
