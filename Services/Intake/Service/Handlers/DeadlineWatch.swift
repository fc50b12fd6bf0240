import BeianModel
import BeianRPC
import BeianServiceKit

extension IntakeService {
    func deadlineWatch(_ request: DeadlineWatchRequest,
                       _ context: ServerContext) async throws -> DeadlineWatchResponse {
        let scope = try watcherScope(context)
        var list = ViolationList()
        let within = request.withinDays ?? OpenDeadlines.defaultWithinDays
        if !(0...366).contains(within) {
            list.add("within_days", "range", zh: "天数应在0到366之间", en: "within_days must be 0 to 366")
        }
        let limit = request.limit ?? 500
        if !(1...5000).contains(limit) { list.add("limit", "range", zh: "条数应在1到5000之间", en: "limit must be 1 to 5000") }
        let local = FilingFilterChecks.localOffice(request.localOffice, field: "local_office", profile: profile,
                                                   into: &list)
        guard list.isEmpty else { throw ValidationFailure(violations: list.violations) }
        if let local, let own = scope.localOfficeID, local != own {
            throw RPCError(.permissionDenied, zh: "属地网信办\(own)的工作人员只能查看本属地的备案",
                           en: "staff of local office \(own) see only its own filings")
        }
        let today = clock.today()
        let includeLate = request.includeLate ?? false
        let repository = self.repository
        let (states, more) = try await store.read { db in
            let ids = try repository.watchedDeadlines(horizon: today.adding(days: within), includeLate: includeLate,
                                                      localOffice: local, scope: scope, limit: limit + 1, in: db)
            return (try repository.currentStates(ids: Array(ids.prefix(limit)), in: db), ids.count > limit)
        }
        let items = states.compactMap { item(for: $0.record, today: today, within: within) }
        return DeadlineWatchResponse(
            officeCode: officeCode, today: today, withinDays: within,
            overdue: items.count { $0.state == .overdue }, dueSoon: items.count { $0.state == .dueSoon },
            late: items.count { $0.state == .late }, items: items, truncated: more)
    }

    /// Staff of the office (any role; a local office's staff see theirs), or this office's sanctions service.
    private func watcherScope(_ context: ServerContext) throws(RPCError) -> StaffScope {
        switch try context.caller() {
        case .service(let name, let office):
            guard name == "sanctions" else {
                throw RPCError(.permissionDenied, zh: "服务\(name)无权进行\(context.operationZh)",
                               en: "service \(name) may not call \(context.method)")
            }
            guard office == officeCode else {
                throw RPCError(.permissionDenied, zh: "网信办\(office ?? "-")的处置服务无权查看网信办\(officeCode)的备案时限",
                               en: "the sanctions service of office \(office ?? "-") may not watch the deadlines of "
                                   + "office \(officeCode)")
            }
            return .office
        default:
            return try requireStaff(context, roles: [.clerk, .head, .auditor]).scope
        }
    }

    private func item(for record: IntakeFiling, today: CivilDate, within: Int) -> DeadlineWatchItem? {
        let filing = record.filing
        guard let deadline = record.deadline, let due = deadline.dueDate else { return nil }
        let state: OpenDeadlines.State
        var daysLate: Int?, daysRemaining: Int?
        if OpenDeadlines.openStatuses.contains(filing.status) {
            guard let found = OpenDeadlines.classify(dueDate: due, today: today, withinDays: within) else { return nil }
            state = found.state
            if found.state == .overdue { daysLate = found.days } else { daysRemaining = found.days }
        } else if deadline.timeliness == .late {
            state = .late
            daysLate = deadline.daysLate
        } else {
            return nil
        }
        var platform: Platform?
        if case .account(let account) = filing.object { platform = account.platform }
        return DeadlineWatchItem(
            filingId: filing.id, filingNumber: filing.filingNumber, status: filing.status, event: deadline.event,
            eventZh: IntakeLabels.event(deadline.event), eventDate: deadline.eventDate, dueDate: due, state: state,
            daysLate: daysLate, daysRemaining: daysRemaining, objectKind: filing.object.kind, platform: platform,
            accountName: filing.object.name, operatorKind: filing.operator.kind,
            operatorName: IntakeLabels.maskedOperatorName(filing.operator),
            mobileMasked: FilingMasking.listedMobile(filing.operator), localOfficeCode: filing.localOfficeCode,
            localOfficeName: IntakeLabels.localOffice(filing.localOfficeCode, profile: profile))
    }
}
