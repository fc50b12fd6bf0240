import BeianModel
import BeianRPC
import BeianStore

extension IntakeService {
    /// `ResubmitFiling`, `ChangeFiling`, `CloseFiling`: the operator's later steps (or clerk/head
    /// on the operator's behalf).
    var lifecycleMethods: [RPCMethod] {
        [
            .unary(Self.name, "ResubmitFiling", summary: "A corrected version after a return for correction "
                   + "(补正后重新提交; its operator, or clerk/head)",
                   request: ResubmitFilingRequest.self, response: FilingOutcome.self) { request, context in
                try await resubmitFiling(request, context)
            },
            .unary(Self.name, "ChangeFiling", summary: "Report changed filed facts: a new version with the change "
                   + "deadline of the profile and its timeliness (变更备案; its operator, or clerk/head)",
                   request: ChangeFilingRequest.self, response: FilingOutcome.self) { request, context in
                try await changeFiling(request, context)
            },
            .unary(Self.name, "CloseFiling", summary: "Report the closure of the object, with the closure deadline "
                   + "where the profile sets one (注销备案; its operator, or clerk/head)",
                   request: CloseFilingRequest.self, response: FilingOutcome.self) { request, context in
                try await closeFiling(request, context)
            },
        ]
    }

    func resubmitFiling(_ request: ResubmitFilingRequest, _ context: ServerContext) async throws -> FilingOutcome {
        let id = request.filingId
        let principal = try await requireActor(context, filingID: id, staffRoles: [.clerk, .head])
        let outcome = try await idempotent(context, method: "ResubmitFiling", principal: principal, request: request) {
            let current = try await visibleFiling(id, to: principal)
            _ = try transition(current.record.filing, .resubmit, by: principal.actor, at: clock.now())
            let (assessment, verification) = try await assessVerified(
                request.submission, forcedLocalOffice: current.record.filing.localOfficeCode)
            if let refusal = ScopeRefusal.check(assessment.scope) { throw RPCError.scope(refusal) }
            let now = clock.now()
            let service = self
            return { db in
                var stored = try service.reloaded(id, to: principal, in: db)
                stored.record.filing = try service.transition(stored.record.filing, .resubmit,
                                                              content: assessment.content, by: principal.actor, at: now)
                stored.record.filing.localOfficeCode = assessment.localOffice
                stored.record.scope = assessment.scope
                stored.record.reviewNeeded = assessment.scope.outcome == .needsStaffReview
                stored.record.verification = verification
                stored.record.corrections = []
                stored.record.updatedAt = now
                var details = ["verification": verification.state.rawValue]
                // Filed again today: on time or late by the deadline it had while returned.
                if let next = OpenDeadlines.reassess(stored.record, today: service.clock.today(),
                                                     profile: service.profile, calendar: service.calendar) {
                    stored.record.deadline = next
                    details.merge(Self.deadlineDetails(next)) { $1 }
                }
                try service.repository.update(stored, in: db)
                try service.record("resubmit", by: principal, filing: stored, version: stored.record.filing.version,
                                   details: details, at: now, in: db)
                return FilingOutcome(stored.record)
            }
        }
        if outcome.verification == .pending { wakeVerifier() }
        return outcome
    }

    /// The filing `id` as `principal` may see it (read), or NOT_FOUND.
    func visibleFiling(_ id: String, to principal: Principal) async throws -> StoredFiling {
        let repository = self.repository
        let stored = try await store.read { db in try repository.load(id: id, in: db) }
        _ = try checkVisible(stored?.record.filing, to: principal, id: id)
        guard let stored else { throw notFound(id) }
        return stored
    }

    /// The filing `id` loaded again inside a write, checked for visibility.
    func reloaded(_ id: String, to principal: Principal, in db: Database) throws -> StoredFiling {
        guard let stored = try repository.load(id: id, in: db) else { throw notFound(id) }
        _ = try checkVisible(stored.record.filing, to: principal, id: id)
        return stored
    }
}
