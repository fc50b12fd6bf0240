/// Intake's field paths mapped back to the spreadsheet's column names, for reports.
extension ImportRow {
    /// The column name for intake's field `path` (e.g. `object.administrators[0].mobile` →
    /// 管理员手机); the path itself when no column corresponds.
    func column(for path: String, header: ImportHeader) -> String {
        let plain = FieldNames.plain(path).path
        if let field = field(for: plain, header: header) { return header.name(field) }
        if plain == "office_code" { return "--office" }
        return path
    }

    private func field(for path: String, header: ImportHeader) -> ImportField? {
        let hasAdminColumns = header.has(.adminName) || header.has(.adminMobile)
        switch path {
        case "operator.name": return isUnit ? .unitName : .personName
        case "object.administrators", "object.administrators.name": return hasAdminColumns ? .adminName : .personName
        case "object.administrators.mobile": return hasAdminColumns ? .adminMobile : .mobile
        default: return FieldNames.columns[path]
        }
    }
}
