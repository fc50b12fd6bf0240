import BeianJSON
import BeianModel
import BeianRPC

extension IntakeService {
    /// Rows read per page of an export (one snapshot and one message each).
    static let exportPageSize = 200

    /// `ExportFilings`, `Statistics`, `DeadlineWatch`.
    var reportMethods: [RPCMethod] {
        [
            .serverStreaming(Self.name, "ExportFilings", summary: "The filings matching ListFilings' filters as CSV "
                             + "chunks {chunk} (备案台账导出; staff; personal numbers masked)",
                             request: ExportFilingsRequest.self,
                             response: ExportChunk.self) { request, writer, context in
                try await exportFilings(request, writer, context)
            },
            .unary(Self.name, "Statistics", summary: "Survey statistics of the office's filings as data and as a "
                   + "printable HTML report (统计报表; head or auditor)",
                   request: StatisticsRequest.self, response: StatisticsResponse.self) { request, context in
                try await statistics(request, context)
            },
            .unary(Self.name, "DeadlineWatch", summary: "Filings overdue or due within N days (default 7), for staff "
                   + "and the sanctions service (时限监测)",
                   request: DeadlineWatchRequest.self, response: DeadlineWatchResponse.self) { request, context in
                try await deadlineWatch(request, context)
            },
        ]
    }

    func exportFilings(_ request: ExportFilingsRequest, _ writer: ResponseWriter<ExportChunk>,
                       _ context: ServerContext) async throws {
        let member = try requireStaff(context, roles: [.clerk, .head, .auditor])
        var query = try FilingQuery.checked(request.filters, profile: profile)
        if let wanted = query.localOffice, let own = member.scope.localOfficeID, wanted != own {
            throw RPCError(.permissionDenied, "staff of local office \(own) see only its own filings")
        }
        query.pageSize = Self.exportPageSize
        let filters = String(decoding: try JSONCoding.encode(request), as: UTF8.self)
        try await store.appendAudit(actor: member.label, action: "filing.export", subject: "office:\(officeCode)",
                                    details: filters, at: clock.now().date)
        try await writer.send(ExportChunk(chunk: FilingExport.header()))
        try await forEachFilingPage(query, scope: member.scope) { inputs in
            try await writer.send(ExportChunk(chunk: inputs.map { FilingExport.row($0, profile: profile) }.joined()))
        }
    }
}
