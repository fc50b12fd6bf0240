import BeianModel
import BeianRPC

extension IntakeService {
    /// Rows read per page of a report.
    static let reportPageSize = 500

    func statistics(_ request: StatisticsRequest, _ context: ServerContext) async throws -> StatisticsResponse {
        let member = try requireStaff(context, roles: [.head, .auditor])
        var query = try FilingQuery.checked(FilingFilters(localOffice: request.localOffice, submittedFrom: request.submittedFrom,
                                                 submittedTo: request.submittedTo),
                                             profile: profile)
        if let wanted = query.localOffice, let own = member.scope.localOfficeID, wanted != own {
            throw RPCError(.permissionDenied, "staff of local office \(own) see only its own filings")
        }
        query.pageSize = Self.reportPageSize
        let today = clock.today()
        var accumulator = FilingStatistics.Accumulator(profile: profile, today: today)
        try await forEachFilingPage(query, scope: member.scope) { inputs in
            for input in inputs { accumulator.add(input) }
        }
        let statistics = accumulator.result()
        let local = query.localOffice ?? member.scope.localOfficeID
        var scope: [String] = []
        if let local { scope.append(IntakeLabels.localOffice(local.isEmpty ? nil : local, profile: profile)) }
        if query.submittedFrom != nil || query.submittedTo != nil {
            scope.append("提交日期\(query.submittedFrom?.iso ?? "")至\(query.submittedTo?.iso ?? "")")
        }
        let html = (request.html ?? true)
            ? StatisticsReport.html(statistics, officeName: profile.nameZh,
                                    scope: scope.isEmpty ? nil : scope.joined(separator: "，"), generatedOn: today)
            : nil
        return StatisticsResponse(officeCode: officeCode, officeName: profile.nameZh, localOffice: local,
                                  submittedFrom: query.submittedFrom, submittedTo: query.submittedTo,
                                  generatedOn: today, statistics: statistics, html: html)
    }
}
