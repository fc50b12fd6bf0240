import BeianModel

/// One message of `UploadMaterial` (client streaming). The first names the filing and the
/// material; every message may carry a chunk of the file in `data` (base64, at most 256 KiB
/// decoded per message).
///
/// ```json
/// {"filing_id": "440783-7K2MQXW4TRA9", "kind": "own_id_copy", "filename": "身份证.pdf"}
/// {"data": "JVBERi0xLjcK..."}
/// ```
package struct UploadMaterialMessage: Codable, Sendable, Hashable {
    /// The filing (first message).
    package var filingId: String?
    /// `MaterialKind` raw value (first message), e.g. `business_licence`, `own_id_copy`, `filing_form`.
    package var kind: String?
    /// The file's name as the sender has it (first message; kept for display, never trusted for the type).
    package var filename: String?
    /// A chunk of the file, base64.
    package var data: String?

    /// Creates a message.
    package init(filingId: String? = nil, kind: String? = nil, filename: String? = nil, data: String? = nil) {
        self.filingId = filingId
        self.kind = kind
        self.filename = filename
        self.data = data
    }
}

/// A material attached to a filing (已上传材料).
package struct MaterialInfo: Codable, Sendable, Hashable {
    /// What it is.
    package var kind: MaterialKind
    /// The kind in Chinese.
    package var kindZh: String
    /// SHA-256 of the bytes, lowercase hex.
    package var sha256: String
    /// Size in bytes.
    package var size: Int
    /// `application/pdf`, `image/jpeg` or `image/png`, from the bytes.
    package var mediaType: String
    /// The name the sender gave.
    package var filename: String?
    /// When it was attached.
    package var uploadedAt: Timestamp

    /// Creates the record.
    package init(kind: MaterialKind, sha256: String, size: Int, mediaType: String, filename: String?,
                 uploadedAt: Timestamp) {
        self.kind = kind
        kindZh = kind.zh
        self.sha256 = sha256
        self.size = size
        self.mediaType = mediaType
        self.filename = filename
        self.uploadedAt = uploadedAt
    }

    /// The model's reference to it (for `MaterialCheck`).
    package var reference: MaterialReference {
        MaterialReference(kind: kind, sha256: sha256, size: size, mediaType: mediaType, fileName: filename)
    }
}

/// The answer of `UploadMaterial`: the material stored, the filing's materials and what is still missing.
package struct UploadMaterialResponse: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// The material just attached.
    package var material: MaterialInfo
    /// Every uploaded material of the filing, oldest first.
    package var materials: [MaterialInfo]
    /// Required materials still missing (neither uploaded nor declared in the filed content).
    package var missingMaterials: [MaterialRule]
}

/// `ListMaterials` and `GetMaterial` name a filing (and, to download, one material by SHA-256).
package struct MaterialRequest: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// The material's SHA-256 (`GetMaterial`).
    package var sha256: String?

    /// Creates the message.
    package init(filingId: String, sha256: String? = nil) {
        self.filingId = filingId
        self.sha256 = sha256
    }
}

/// The answer of `ListMaterials`: what the filing has and lacks.
package struct MaterialListResponse: Codable, Sendable, Hashable {
    /// The filing.
    package var filingId: String
    /// Uploaded materials, oldest first.
    package var materials: [MaterialInfo]
    /// Materials declared by reference in the filed content (`materials` of the form), if any.
    package var declaredMaterials: [MaterialReference]
    /// Required materials still missing.
    package var missingMaterials: [MaterialRule]
    /// Materials required only in situations staff judge, not yet provided.
    package var conditionalMaterials: [MaterialRule]
}

/// One message of `GetMaterial` (server streaming): first the material, then its bytes in chunks.
package struct MaterialChunk: Codable, Sendable, Hashable {
    /// The material (first message only).
    package var material: MaterialInfo?
    /// A chunk of the bytes, base64 (later messages).
    package var data: String?

    /// Creates a message.
    package init(material: MaterialInfo? = nil, data: String? = nil) {
        self.material = material
        self.data = data
    }
}
