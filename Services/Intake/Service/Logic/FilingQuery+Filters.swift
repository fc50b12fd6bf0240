import BeianModel

extension FilingQuery {
    /// The checked query of `filters`, a page size and a cursor, every bad one at once (lists,
    /// exports and statistics alike). Timeliness may be given by its Chinese word (按期, 逾期备案)
    /// or a synonym; the local office by its id, its name or a place only it covers.
    package static func checked(_ request: FilingFilters, profile: PolicyProfile, pageSize: Int? = nil,
                                cursor: String? = nil) throws(ValidationFailure) -> FilingQuery {
        var list = ViolationList()
        var query = FilingQuery(pageSize: pageSize ?? FilingQuery.defaultPageSize)
        query.status = list.optionalEnum(FilingStatus.self, request.status, "status", "状态", "Status")
        query.objectKind = list.optionalEnum(ObjectKind.self, request.objectKind, "object_kind", "对象类型", "Object kind")
        query.platform = list.optionalEnum(Platform.self, request.platform, "platform", "平台", "Platform")
        query.operatorKind = list.optionalEnum(OperatorKind.self, request.operatorKind, "operator_kind", "备案人类型",
                                               "Operator kind")
        let timeliness = request.timeliness.map { Timeliness.named($0)?.rawValue ?? $0 }
        query.timeliness = list.optionalEnum(Timeliness.self, timeliness, "timeliness", "时限", "Timeliness")
        query.verification = list.optionalEnum(VerificationState.self, request.verification, "verification", "核验状态",
                                               "Verification")
        query.localOffice = FilingFilterChecks.localOffice(request.localOffice, field: "local_office", profile: profile,
                                                           into: &list)
        query.government = request.government
        query.late = request.late
        query.reviewNeeded = request.reviewNeeded
        query.submittedFrom = list.optionalDate(request.submittedFrom, "submitted_from", "起始日期", "From date",
                                                notAfter: nil)
        query.submittedTo = list.optionalDate(request.submittedTo, "submitted_to", "截止日期", "To date", notAfter: nil)
        FilingFilterChecks.dateOrder(from: query.submittedFrom, to: query.submittedTo, into: &list)
        query.text = list.optionalText(request.query, "query", "搜索词", "Search text", maxLength: 100)
        if !(1...FilingQuery.maximumPageSize).contains(query.pageSize) {
            list.add("page_size", "page_size_range", zh: "每页条数应在1到\(FilingQuery.maximumPageSize)之间",
                     en: "page_size must be 1 to \(FilingQuery.maximumPageSize)")
        }
        if let cursor, !cursor.isEmpty {
            query.after = ListCursor.parse(cursor, fingerprint: ListCursor.fingerprint(query))
            if query.after == nil {
                list.add("cursor", "cursor_invalid", zh: "分页游标无效或与查询条件不符",
                         en: "cursor is malformed or belongs to other filters")
            }
        }
        guard list.isEmpty else { throw ValidationFailure(violations: list.violations) }
        return query
    }
}
