import BeianJSON
import BeianModel
import BeianRPC

extension IntakeService {
    /// `GetFiling`, `ListFilings`, `DiffVersions`.
    var queryMethods: [RPCMethod] {
        [
            .unary(Self.name, "GetFiling", summary: "One filing with every version and its history (备案详情; "
                   + "its operator, or staff of the office; whole personal numbers for staff, audited)",
                   request: GetFilingRequest.self, response: FilingView.self) { request, context in
                try await getFiling(request, context)
            },
            .unary(Self.name, "ListFilings", summary: "Filings of the office with filters, name search and cursor "
                   + "pagination (备案列表; staff; personal numbers masked)",
                   request: ListFilingsRequest.self, response: ListFilingsResponse.self) { request, context in
                try await listFilings(request, context)
            },
            .unary(Self.name, "DiffVersions", summary: "Field-by-field difference between two versions (版本比对; "
                   + "its operator or staff; personal numbers masked)",
                   request: DiffVersionsRequest.self, response: DiffVersionsResponse.self) { request, context in
                try await diffVersions(request, context)
            },
        ]
    }

    func getFiling(_ request: GetFilingRequest, _ context: ServerContext) async throws -> FilingView {
        let principal = try await requireActor(context, filingID: request.filingId, staffRoles: [.clerk, .head, .auditor])
        let repository = self.repository
        let id = request.filingId
        let materials = self.materials
        let loaded = try await store.read { db -> (StoredFiling, [FilingHistoryEntry], [MaterialInfo])? in
            guard let stored = try repository.load(id: id, in: db) else { return nil }
            return (stored, try repository.history(filing: stored.sequence, in: db),
                    try materials.materials(filing: stored.sequence, in: db))
        }
        _ = try checkVisible(loaded?.0.record.filing, to: principal, id: id)
        guard let (stored, history, uploaded) = loaded else { throw notFound(id) }
        let reveal = principal.staffMember != nil && (request.revealPersonalNumbers ?? false)
        if reveal, let member = principal.staffMember {
            // The read is on the audit chain before any whole number leaves the service.
            let details = String(decoding: try JSONCoding.encode([
                "filing_id": id, "role": member.role.rawValue, "version": String(stored.record.filing.version),
                "fields": "id_number,mobile,wechat,administrators.mobile",
            ]), as: UTF8.self)
            try await store.appendAudit(actor: member.label, action: "filing.read_personal_numbers",
                                        subject: "filing:\(id)", details: details, at: clock.now().date)
        }
        return view(stored.record, history: history, uploaded: uploaded, reveal: reveal)
    }

    /// The view of a record, masked unless `reveal`.
    func view(_ record: IntakeFiling, history: [FilingHistoryEntry], uploaded: [MaterialInfo] = [],
              reveal: Bool) -> FilingView {
        let filing = record.filing
        return FilingView(
            filing: reveal ? filing : FilingMasking.mask(filing), statusZh: filing.status.zh,
            personalNumbers: reveal ? "revealed" : "masked", verification: record.verification, scope: record.scope,
            reviewNeeded: record.reviewNeeded, deadline: record.deadline,
            uploadedMaterials: uploaded,
            missingMaterials: FilingMaterials.check(profile: profile, filing: filing, uploaded: uploaded).missing,
            corrections: record.corrections, submittedAt: record.submittedAt, updatedAt: record.updatedAt,
            history: history)
    }

    func diffVersions(_ request: DiffVersionsRequest, _ context: ServerContext) async throws -> DiffVersionsResponse {
        let principal = try await requireActor(context, filingID: request.filingId, staffRoles: [.clerk, .head, .auditor])
        let repository = self.repository
        let id = request.filingId
        let stored = try await store.read { db in try repository.load(id: id, in: db) }
        let filing = try checkVisible(stored?.record.filing, to: principal, id: id)
        let to = request.to ?? filing.version
        let from = request.from ?? max(1, to - 1)
        var list = ViolationList()
        for (field, number, labelZh, labelEn) in [("from", from, "起始版本", "from version"),
                                                  ("to", to, "结束版本", "to version")]
        where !(1...filing.version).contains(number) {
            list.add(field, "version_range",
                     zh: "\(labelZh)\(number)不存在：版本号应在1到\(filing.version)之间（该备案共有\(filing.version)个版本）",
                     en: "\(labelEn) \(number) does not exist: versions are 1 to \(filing.version) "
                         + "(the filing has \(filing.version))")
        }
        if list.isEmpty, from > to {
            list.add("from", "version_order", zh: "起始版本（\(from)）不能晚于结束版本（\(to)）",
                     en: "from (\(from)) must not be after to (\(to))")
        }
        guard list.isEmpty else { throw ValidationFailure(violations: list.violations) }
        let old = filing.versions[from - 1], new = filing.versions[to - 1]
        return DiffVersionsResponse(filingId: id, from: from, to: to, event: new.event,
                                    changes: try VersionDiff.changes(from: old.content, to: new.content))
    }
}
