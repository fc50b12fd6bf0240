import BeianJSON
import BeianModel
import BeianRPC
import BeianStore
import Foundation

extension IntakeService {
    func listMaterials(_ request: MaterialRequest, _ context: ServerContext) async throws -> MaterialListResponse {
        let id = request.filingId
        let principal = try await requireActor(context, filingID: id, staffRoles: [.clerk, .head, .auditor])
        let repository = self.repository
        let materials = self.materials
        let loaded = try await store.read { db -> (StoredFiling, [MaterialInfo])? in
            guard let stored = try repository.load(id: id, in: db) else { return nil }
            return (stored, try materials.materials(filing: stored.sequence, in: db))
        }
        let filing = try checkVisible(loaded?.0.record.filing, to: principal, id: id)
        let uploaded = loaded?.1 ?? []
        let check = FilingMaterials.check(profile: profile, filing: filing, uploaded: uploaded)
        return MaterialListResponse(filingId: id, materials: uploaded, declaredMaterials: filing.materials,
                                    missingMaterials: check.missing, conditionalMaterials: check.conditional)
    }

    func getMaterial(_ request: MaterialRequest, _ writer: ResponseWriter<MaterialChunk>,
                     _ context: ServerContext) async throws {
        let member = try requireStaff(context, roles: [.clerk, .head, .auditor])
        let principal = Principal.staff(member)
        let id = request.filingId
        let sha256 = request.sha256.map { TextNormalization.code($0).lowercased() } ?? ""
        guard sha256.count == 64, sha256.allSatisfy({ $0.isASCII && $0.isHexDigit }) else {
            throw RPCError.invalidArgument("sha256 must be 64 hexadecimal digits", violations: [
                RPCError.FieldViolation(field: "sha256", rule: "sha256_format", zh: "文件摘要应为64位十六进制",
                                        en: "SHA-256 must be 64 hexadecimal digits"),
            ])
        }
        let repository = self.repository
        let materials = self.materials
        let loaded = try await store.read { db -> (Filing, [MaterialInfo], Int?)? in
            guard let stored = try repository.load(id: id, in: db) else { return nil }
            return (stored.record.filing, try materials.materials(filing: stored.sequence, in: db),
                    try materials.chunkCount(sha256: sha256, in: db))
        }
        _ = try checkVisible(loaded?.0, to: principal, id: id)
        guard let (_, attached, chunks) = loaded, let material = attached.first(where: { $0.sha256 == sha256 }),
              let chunks else {
            throw RPCError(.notFound, "filing \(id) has no material \(sha256) / 未找到该材料")
        }
        if attached.contains(where: { $0.sha256 == sha256 && FilingMaterials.identityCopies.contains($0.kind) }) {
            // On the audit chain before any byte of an ID card copy leaves the service.
            let details = String(decoding: try JSONCoding.encode([
                "filing_id": id, "role": member.role.rawValue, "kind": material.kind.rawValue, "sha256": sha256,
            ]), as: UTF8.self)
            try await store.appendAudit(actor: member.label, action: "filing.read_material", subject: "filing:\(id)",
                                        details: details, at: clock.now().date)
        }
        try await writer.send(MaterialChunk(material: material))
        for index in 0..<chunks {
            let bytes = try await store.read { db in try materials.chunk(sha256: sha256, index: index, in: db) }
            try await writer.send(MaterialChunk(data: Data(bytes).base64EncodedString()))
        }
    }
}
