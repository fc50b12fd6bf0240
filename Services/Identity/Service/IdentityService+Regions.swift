import BeianModel
import BeianRPC

/// `LookupRegion`: a division by six-digit code, or by name or part of one, with its history
/// (行政区划沿革), current and retired codes alike.
extension IdentityService {
    /// Regions returned for a name when the request sets no limit.
    static let defaultRegionLimit = 20
    /// Most regions one call returns.
    static let maximumRegionLimit = 200

    var lookupRegionMethod: RPCMethod {
        .unary(IdentityAPI.service, "LookupRegion",
               summary: "A division by code (130502) or name (襄都区, partial names too) with its name history.",
               request: RegionLookupRequest.self, response: RegionLookupResponse.self) { request, context in
            try IdentityAccess.authorize(context)
            return try lookupRegions(request)
        }
    }

    /// The divisions a request names; INVALID_ARGUMENT for an empty query or a bad limit,
    /// NOT_FOUND when nothing matches.
    func lookupRegions(_ request: RegionLookupRequest) throws(RPCError) -> RegionLookupResponse {
        let query = TextNormalization.text(request.query)
        guard !query.isEmpty else {
            throw RPCError.invalidArgument("query is empty / 查询内容为空", violations: [
                .init(field: "query", rule: "required", zh: "请填写行政区划代码或名称", en: "a division code or name is required"),
            ])
        }
        let limit = request.limit ?? Self.defaultRegionLimit
        guard (1...Self.maximumRegionLimit).contains(limit) else {
            throw RPCError.invalidArgument("limit is out of range / limit 超出范围", violations: [
                .init(field: "limit", rule: "range", zh: "limit 应在 1 到 \(Self.maximumRegionLimit) 之间",
                      en: "limit must be from 1 to \(Self.maximumRegionLimit)"),
            ])
        }
        let code = TextNormalization.code(query)
        let found: [DivisionRegistry.Division]
        if code.utf8.count == 6, code.utf8.allSatisfy({ (48...57).contains($0) }) {
            found = divisions.division(code: code).map { [$0] } ?? []
        } else {
            // Exact names first (every code that carried the name), then partial matches.
            let exact = divisions.divisions(named: query)
            let exactCodes = Set(exact.map(\.code))
            let partial = divisions.search(query, limit: limit + exact.count).filter { !exactCodes.contains($0.code) }
            found = Array((exact.sorted { $0.isCurrent != $1.isCurrent ? $0.isCurrent : $0.code < $1.code } + partial)
                .prefix(limit))
        }
        guard !found.isEmpty else {
            throw RPCError(.notFound, "no division code or name matches \"\(query)\" / 没有与“\(query)”匹配的行政区划")
        }
        return RegionLookupResponse(regions: found.map(RegionRecord.init))
    }
}
