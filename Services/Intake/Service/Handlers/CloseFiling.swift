import BeianModel
import BeianRPC
import BeianStore

extension IntakeService {
    func closeFiling(_ request: CloseFilingRequest, _ context: ServerContext) async throws -> FilingOutcome {
        let id = request.filingId
        let principal = try await requireActor(context, filingID: id, staffRoles: [.clerk, .head])
        let today = clock.today()
        var list = ViolationList()
        let closureDate = list.optionalDate(request.closureDate, "closure_date", "关闭日期", "Closure date", notAfter: today)
        if closureDate == nil, list.isEmpty { list.required("closure_date", "关闭日期", "Closure date") }
        let announced = list.optionalDate(request.announcedOn, "announced_on", "公告日期", "Announcement date",
                                          notAfter: today)
        let reason = list.optionalText(request.reason, "reason", "关闭原因", "Reason",
                                       maxLength: SubmissionValidator.descriptionLimit)
        guard list.isEmpty, let closureDate else { throw ValidationFailure(violations: list.violations) }
        let facts = ClosureFacts(closureDate: closureDate, reason: reason, announcedOn: announced)
        return try await idempotent(context, method: "CloseFiling", principal: principal, request: request) {
            let now = clock.now()
            let service = self
            return { db in
                var stored = try service.reloaded(id, to: principal, in: db)
                let filing = stored.record.filing
                let refused = ChangeChecks.closure(on: closureDate, of: filing)
                guard refused.isEmpty else { throw ValidationFailure(violations: refused) }
                let deadline = try? DeadlineCalculator.assess(
                    profile: service.profile, event: .closure, eventDate: closureDate, filedDate: today,
                    operator: filing.operator, hasNewsLicence: SubmissionAssessor.hasNewsLicence(filing.object),
                    calendar: service.calendar)
                stored.record.filing = try service.transition(filing, .close(facts), by: principal.actor, at: now)
                stored.record.deadline = RecordedDeadline.keeping(stored.record.deadline, after: deadline)
                stored.record.updatedAt = now
                try service.repository.update(stored, in: db)
                var details = ["closure_date": closureDate.iso]
                if let deadline { details.merge(Self.deadlineDetails(deadline)) { $1 } }
                try service.record("close", by: principal, filing: stored, version: stored.record.filing.version,
                                   details: details, at: now, in: db)
                var outcome = FilingOutcome(stored.record)
                outcome.deadline = deadline   // this event's own, whatever the record keeps
                return outcome
            }
        }
    }
}
