import BeianModel
import IntakeService

/// Readable (zh/en) renderings of materials (备案材料).
extension Output {
    /// A material kind: `工商执照复印件` or `business licence copy`.
    func label(_ kind: MaterialKind) -> String { text(kind.zh, MaterialKindNames.english(kind)) }

    /// A media type in a word: PDF, JPEG, PNG.
    func mediaTypeName(_ mediaType: String) -> String {
        switch mediaType {
        case "application/pdf": "PDF"
        case "image/jpeg": "JPEG"
        case "image/png": "PNG"
        default: mediaType
        }
    }

    /// The answer of an upload: the stored material, the filing's materials, what is still missing.
    func show(_ upload: UploadMaterialResponse) {
        let material = upload.material
        line(field("备案编号", "Filing id", upload.filingId))
        line(field("已保存材料", "Stored", "\(label(material.kind)) (\(material.kind.rawValue))"))
        line("  " + field("类型", "type", "\(mediaTypeName(material.mediaType)) (\(material.mediaType))") + "  "
             + field("大小", "size", ByteSize.exact(material.size, self)))
        line("  SHA-256" + text("：", ": ") + material.sha256)
        if let name = material.filename { line("  " + field("文件名", "file name", name)) }
        line(field("已上传材料", "Uploaded materials", text("\(upload.materials.count)件", "\(upload.materials.count)")))
        missingLine(upload.missingMaterials)
    }

    /// A filing's materials: uploaded (table), declared in the form, missing, conditional.
    func show(_ list: MaterialListResponse) {
        line(field("备案编号", "Filing id", list.filingId))
        if list.materials.isEmpty {
            line(text("尚未上传材料", "No materials uploaded"))
        } else {
            line(text("已上传材料：", "Uploaded materials:"))
            var table = TextTable([text("材料", "kind"), text("类型", "type"), text("大小", "size"), "SHA-256",
                                   text("文件名", "file name"), text("上传时间", "uploaded")])
            for material in list.materials {
                table.add([label(material.kind), mediaTypeName(material.mediaType), ByteSize.text(material.size, self),
                           material.sha256, material.filename ?? "-", time(material.uploadedAt)])
            }
            table.lines(indent: "  ").forEach { line($0) }
        }
        if !list.declaredMaterials.isEmpty {
            line(text("表单中声明的材料：", "Declared in the form:"))
            for reference in list.declaredMaterials {
                line("  \(label(reference.kind))  \(reference.sha256)")
            }
        }
        missingLine(list.missingMaterials)
        if !list.conditionalMaterials.isEmpty {
            line(field("视情况需要", "If applicable", materialsText(list.conditionalMaterials)))
        }
    }

    private func missingLine(_ missing: [MaterialRule]) {
        if missing.isEmpty {
            line(text("材料已齐全", "No required material is missing"))
        } else {
            line(field("仍缺材料", "Still missing", materialsText(missing)))
        }
    }
}
