import BeianJSON
import BeianModel
import IntakeService

/// A version difference (版本比对) in words: in Chinese output fields by their form names
/// (`object.name` → 账号名称) and coded values by their Chinese names (`douyin` → 抖音, `true` → 是).
extension Output {
    /// A field-by-field difference.
    func show(_ diff: DiffVersionsResponse) {
        line(field("备案编号", "Filing id", diff.filingId) + "  "
             + text("第\(diff.from)版 → 第\(diff.to)版（\(action(diff.event))）", "v\(diff.from) → v\(diff.to) (\(diff.event))"))
        if diff.changes.isEmpty { line(text("两个版本没有差异", "no differences")) }
        for change in diff.changes {
            let before = change.before.map { diffValue(change.path, $0) } ?? text("（无）", "(none)")
            let after = change.after.map { diffValue(change.path, $0) } ?? text("（无）", "(none)")
            line("  \(fieldName(change.path))\(text("：", ": "))\(before) → \(after)")
        }
    }

    /// A value as JSON, or in Chinese output by its Chinese name when it is a code of the field.
    private func diffValue(_ path: String, _ value: JSONValue) -> String {
        guard language == .zh else { return value.description }
        if case .bool(let flag) = value { return flag ? "是" : "否" }
        if case .array(let items) = value { return items.map { diffValue(path, $0) }.joined(separator: "、") }
        guard let code = value.stringValue, let name = Self.codeName(FieldNames.plain(path).path, code) else {
            return value.description
        }
        return name
    }

    /// The Chinese name of `code` as a value of the field at `path` (indices removed).
    private static func codeName(_ path: String, _ code: String) -> String? {
        switch path {
        case "object.platform": Platform(rawValue: code)?.zh
        case "object.kind": ObjectKind(rawValue: code)?.zh
        case "object.business_scope": BusinessScope(rawValue: code)?.zh
        case "object.forms": ContentForm(rawValue: code)?.zh
        case "object.hosting": Hosting(rawValue: code)?.zh
        case "object.site_type": SiteType(rawValue: code)?.zh
        case "operator.kind": OperatorKind(rawValue: code)?.zh
        case "operator.unit_type": UnitType(rawValue: code)?.zh
        case "operator.public_sector": PublicSector(rawValue: code)?.zh
        case "materials.kind": MaterialKind(rawValue: code)?.zh
        default: nil
        }
    }
}
