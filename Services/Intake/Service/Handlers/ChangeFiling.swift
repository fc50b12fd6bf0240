import BeianModel
import BeianRPC
import BeianStore

extension IntakeService {
    func changeFiling(_ request: ChangeFilingRequest, _ context: ServerContext) async throws -> FilingOutcome {
        let id = request.filingId
        let principal = try await requireActor(context, filingID: id, staffRoles: [.clerk, .head])
        let today = clock.today()
        var list = ViolationList()
        let changeDate = list.optionalDate(request.changeDate, "change_date", "变更日期", "Change date", notAfter: today)
        if changeDate == nil, list.isEmpty { list.required("change_date", "变更日期", "Change date") }
        let description = list.optionalText(request.description, "description", "变更说明", "Description",
                                            maxLength: SubmissionValidator.descriptionLimit)
        guard list.isEmpty, let changeDate else { throw ValidationFailure(violations: list.violations) }
        let outcome = try await idempotent(context, method: "ChangeFiling", principal: principal, request: request) {
            let current = try await visibleFiling(id, to: principal)
            let probe = ChangeFacts(changeDate: changeDate, changedFields: [])
            _ = try transition(current.record.filing, .reportChange(probe), by: principal.actor, at: clock.now())
            let (assessment, verification) = try await assessVerified(
                request.submission, forcedLocalOffice: current.record.filing.localOfficeCode)
            let content = assessment.content
            let computed = try VersionDiff.changes(from: current.record.filing.content, to: content).map(\.path)
            let refused = ChangeChecks.change(on: changeDate, to: current.record.filing, changedPaths: computed)
            guard refused.isEmpty else { throw ValidationFailure(violations: refused) }
            let fields = request.changedFields?.map(TextNormalization.text).filter { !$0.isEmpty } ?? computed
            let facts = ChangeFacts(changeDate: changeDate, changedFields: fields, description: description)
            let deadline = try? DeadlineCalculator.assess(
                profile: profile, event: .change, eventDate: changeDate, filedDate: today, operator: content.operator,
                hasNewsLicence: SubmissionAssessor.hasNewsLicence(content.object), calendar: calendar)
            let now = clock.now()
            let service = self
            return { db in
                var stored = try service.reloaded(id, to: principal, in: db)
                stored.record.filing = try service.transition(stored.record.filing, .reportChange(facts),
                                                              content: content, by: principal.actor, at: now)
                stored.record.scope = assessment.scope
                stored.record.reviewNeeded = assessment.scope.outcome == .needsStaffReview
                stored.record.verification = verification
                stored.record.deadline = RecordedDeadline.keeping(stored.record.deadline, after: deadline)
                stored.record.corrections = []
                stored.record.updatedAt = now
                try service.repository.update(stored, in: db)
                var details = ["change_date": changeDate.iso, "changed_fields": fields.joined(separator: ","),
                               "verification": verification.state.rawValue]
                if let deadline { details.merge(Self.deadlineDetails(deadline)) { $1 } }
                try service.record("report_change", by: principal, filing: stored,
                                   version: stored.record.filing.version, details: details, at: now, in: db)
                var outcome = FilingOutcome(stored.record)
                outcome.deadline = deadline   // this event's own, whatever the record keeps
                return outcome
            }
        }
        if outcome.verification == .pending { wakeVerifier() }
        return outcome
    }

    /// History and audit details of a deadline assessment.
    static func deadlineDetails(_ deadline: DeadlineAssessment) -> [String: String] {
        var details = ["timeliness": deadline.timeliness.rawValue]
        if let due = deadline.dueDate { details["due_date"] = due.iso }
        if let late = deadline.daysLate { details["days_late"] = String(late) }
        return details
    }
}
