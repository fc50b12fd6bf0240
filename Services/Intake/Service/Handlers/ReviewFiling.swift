import BeianModel
import BeianRPC
import BeianStore

extension IntakeService {
    /// `ReviewFiling` (clerk, head).
    var reviewMethods: [RPCMethod] {
        [
            .unary(Self.name, "ReviewFiling", summary: "Accept (issues the filing number), return for correction with "
                   + "reasons per field, or reject (审核; clerk or head)",
                   request: ReviewFilingRequest.self, response: FilingOutcome.self) { request, context in
                try await reviewFiling(request, context)
            },
        ]
    }

    func reviewFiling(_ request: ReviewFilingRequest, _ context: ServerContext) async throws -> FilingOutcome {
        let member = try requireStaff(context, roles: [.clerk, .head])
        var list = ViolationList()
        let decision = list.requiredEnum(ReviewDecision.self, request.decision, "decision", "审核意见", "Decision")
        let corrections = ReviewDecision.corrections(request.corrections ?? [], into: &list)
        let reason = request.reason.map(TextNormalization.text).flatMap { $0.isEmpty ? nil : $0 }
        if decision == .reject, reason == nil { list.required("reason", "不予备案的理由", "Reason") }
        if decision == .returnForCorrection, reason == nil, corrections.isEmpty {
            list.required("corrections", "补正意见", "Corrections")
        }
        guard list.isEmpty, let decision else { throw ValidationFailure(violations: list.violations) }
        let principal = Principal.staff(member)
        return try await idempotent(context, method: "ReviewFiling", principal: principal, request: request) {
            let service = self
            let id = request.filingId
            let now = clock.now()
            return { db in
                guard let loaded = try service.repository.load(id: id, in: db) else { throw service.notFound(id) }
                var stored = loaded
                let filing = try service.checkVisible(stored.record.filing, to: principal, id: id)
                var details: [String: String] = ["decision": decision.rawValue]
                if decision == .accept, stored.record.verification.state != .verified {
                    throw RPCError(.failedPrecondition, "filing \(id) cannot be accepted while identity verification "
                        + "is \(stored.record.verification.state.rawValue) / 身份核验未通过或未完成，不能准予备案")
                }
                switch decision {
                case .accept where filing.status == .changed:
                    stored.record.filing = try service.transition(filing, .acceptChange, by: principal.actor, at: now)
                    details["event"] = "accept_change"
                case .accept:
                    let number = try filing.filingNumber ?? service.repository.issueFilingNumber(
                        profile: service.profile, year: now.chinaCivilDate.year, localOffice: filing.localOfficeCode,
                        in: db)
                    stored.record.filing = try service.transition(filing, .accept(filingNumber: number),
                                                                  by: principal.actor, at: now)
                    stored.record.reviewNeeded = false
                    stored.record.corrections = []
                    details["filing_number"] = number
                case .returnForCorrection:
                    let text = ReviewDecision.returnReason(summary: reason, corrections: corrections)
                    stored.record.filing = try service.transition(filing, .returnForCorrection(reason: text),
                                                                  by: principal.actor, at: now)
                    stored.record.corrections = corrections
                    details["fields"] = corrections.map(\.field).joined(separator: ",")
                    // Returned, it is no longer on file: its deadline counts as not filed from now.
                    if let next = OpenDeadlines.reassess(stored.record, today: service.clock.today(),
                                                         profile: service.profile, calendar: service.calendar) {
                        stored.record.deadline = next
                        details.merge(Self.deadlineDetails(next)) { $1 }
                    }
                case .reject:
                    stored.record.filing = try service.transition(filing, .reject(reason: reason ?? ""),
                                                                  by: principal.actor, at: now)
                }
                stored.record.updatedAt = now
                try service.repository.update(stored, in: db)
                try service.record(decision.rawValue, by: principal, filing: stored,
                                   version: stored.record.filing.version, details: details, at: now, in: db)
                return FilingOutcome(stored.record)
            }
        }
    }
}
