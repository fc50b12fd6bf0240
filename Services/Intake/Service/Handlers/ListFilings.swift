import BeianModel
import BeianRPC

extension IntakeService {
    func listFilings(_ request: ListFilingsRequest, _ context: ServerContext) async throws -> ListFilingsResponse {
        let member = try requireStaff(context, roles: [.clerk, .head, .auditor])
        let query = try FilingQuery.checked(request.filters, profile: profile, pageSize: request.pageSize,
                                            cursor: request.cursor)
        if let wanted = query.localOffice, let own = member.scope.localOfficeID, wanted != own {
            throw RPCError(.permissionDenied, "staff of local office \(own) see only its own filings")
        }
        let repository = self.repository
        let scope = member.scope
        let page = try await store.read { db in try repository.list(query, scope: scope, in: db) }
        return ListFilingsResponse(
            filings: page.rows,
            nextCursor: page.next.map { ListCursor.make(after: $0, fingerprint: ListCursor.fingerprint(query)) })
    }
}
