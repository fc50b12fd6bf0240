import BeianModel
import BeianRPC
import BeianServiceKit
import BeianStore
import Foundation

extension IntakeService {
    /// `UploadMaterial`, `ListMaterials`, `GetMaterial`.
    var materialMethods: [RPCMethod] {
        [
            .clientStreaming(Self.name, "UploadMaterial", summary: "Upload a material in chunks (上传备案材料): first "
                             + "message {filing_id, kind, filename}, then {data: base64} of at most 256 KiB each; PDF, "
                             + "JPEG or PNG by content; its operator, or clerk/head",
                             request: UploadMaterialMessage.self,
                             response: UploadMaterialResponse.self) { messages, context in
                try await uploadMaterial(messages, context)
            },
            .unary(Self.name, "ListMaterials", summary: "A filing's uploaded and declared materials and what is still "
                   + "missing (材料清单; its operator, or staff)",
                   request: MaterialRequest.self, response: MaterialListResponse.self) { request, context in
                try await listMaterials(request, context)
            },
            .serverStreaming(Self.name, "GetMaterial", summary: "Download one material by SHA-256: {material} then "
                             + "{data: base64} chunks (下载材料; staff; reads of ID card copies are audited)",
                             request: MaterialRequest.self, response: MaterialChunk.self) { request, writer, context in
                try await getMaterial(request, writer, context)
            },
        ]
    }

    func uploadMaterial(_ messages: RequestStream<UploadMaterialMessage>,
                        _ context: ServerContext) async throws -> UploadMaterialResponse {
        var iterator = messages.makeAsyncIterator()
        guard let first = try await iterator.next() else {
            throw RPCError(.invalidArgument, zh: "首条消息应包含备案编号和材料类型",
                           en: "the first message must name filing_id and kind")
        }
        var list = ViolationList()
        let id = list.requiredText(first.filingId, "filing_id", "备案编号", "Filing id", maxLength: 64)
            .map(FilingIdentifier.normalize)
        let kind = list.requiredEnum(MaterialKind.self, first.kind, "kind", "材料类型", "Material kind")
        let filename = list.optionalText(first.filename, "filename", "文件名", "File name", maxLength: 255)
        guard list.isEmpty, let id, let kind else { throw ValidationFailure(violations: list.violations) }
        let principal = try await requireActor(context, filingID: id, staffRoles: [.clerk, .head])
        let current = try await visibleFiling(id, to: principal)
        try Self.requireUploads(current.record.filing)
        let materials = self.materials
        let sequence = current.sequence
        let alreadyStored = try await store.read { db in try materials.storedBytes(filing: sequence, in: db) }

        var upload = MaterialUpload(limits: materialLimits, alreadyStored: alreadyStored)
        var message: UploadMaterialMessage? = first
        var index = 0
        while let next = message {
            if let text = next.data, !text.isEmpty {
                guard let bytes = Data(base64Encoded: text) else {
                    throw RPCError.invalidArgument("第\(index + 1)条消息的文件内容不是base64编码 / "
                                                   + "messages[\(index)].data is not base64", violations: [
                        RPCError.FieldViolation(field: "messages[\(index)].data", rule: "base64",
                                                zh: "文件内容应为base64编码", en: "data must be base64"),
                    ])
                }
                try upload.append([UInt8](bytes))
            }
            message = try await iterator.next()
            index += 1
        }
        let file = try upload.finish()
        let exists = try await store.read { db in try materials.blobExists(sha256: file.sha256, in: db) }
        let sealed = exists ? [] : try materials.sealedChunks(of: file.bytes, sha256: file.sha256)
        let now = clock.now()
        let info = MaterialInfo(kind: kind, sha256: file.sha256, size: file.bytes.count,
                                mediaType: file.mediaType.rawValue, filename: filename, uploadedAt: now)
        let limit = materialLimits.perFiling
        let service = self
        return try await store.write { db in
            let stored = try service.reloaded(id, to: principal, in: db)
            try Self.requireUploads(stored.record.filing)
            if !sealed.isEmpty {
                try materials.insertBlob(sha256: info.sha256, size: info.size, mediaType: info.mediaType,
                                         sealedChunks: sealed, at: now, in: db)
            } else if try !materials.blobExists(sha256: info.sha256, in: db) {
                throw RPCError(.aborted, zh: "上传期间已存的材料发生变化，请重新上传",
                               en: "the stored material changed during the upload; send it again")
            }
            var attached = try materials.materials(filing: stored.sequence, in: db)
            if try materials.attach(info, filing: stored.sequence, by: principal.actor, in: db) {
                guard try materials.storedBytes(filing: stored.sequence, in: db) <= limit else {
                    throw MaterialUpload.filingLimit(limit)
                }
                attached.append(info)
                try service.record("attach_material", by: principal, filing: stored, version: nil, details: [
                    "kind": kind.rawValue, "sha256": info.sha256, "size": String(info.size),
                    "media_type": info.mediaType, "filename": filename ?? "",
                ], at: now, in: db)
            }
            let material = attached.first { $0.kind == kind && $0.sha256 == info.sha256 } ?? info
            return UploadMaterialResponse(
                filingId: id, material: material, materials: attached,
                missingMaterials: FilingMaterials.check(profile: service.profile, filing: stored.record.filing,
                                                        uploaded: attached).missing)
        }
    }

    /// FAILED_PRECONDITION for a rejected or cancelled filing.
    static func requireUploads(_ filing: Filing) throws(RPCError) {
        guard FilingMaterials.acceptsUploads(filing.status) else {
            throw RPCError(.failedPrecondition, zh: "备案\(filing.id)的状态为“\(filing.status.zh)”，已终结，不能再上传材料",
                           en: "filing \(filing.id) is \(filing.status.rawValue): materials can no longer be attached")
        }
    }
}
