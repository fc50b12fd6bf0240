/// Intake's field paths mapped back to the spreadsheet's column names, for reports.
extension ImportRow {
    /// Fields by path (indices removed), for both kinds of operator.
    private static let common: [String: ImportField] = [
        "object.name": .accountName, "object.account_id": .accountId, "object.platform": .platform,
        "object.other_platform_name": .platform, "object.followers": .followers,
        "object.registration_date": .registrationDate, "object.kind": .objectKind,
        "object.business_scope": .businessScope, "object.forms": .forms,
        "object.function_description": .functionDescription, "object.has_news_licence": .newsLicence,
        "object.domain": .domain, "object.administrators.email": .adminEmail,
        "object.administrators.wechat": .adminWechat, "operator.kind": .operatorKind,
        "operator.unit_type": .unitType, "operator.public_sector": .publicSector,
        "operator.credit_code": .creditCode, "operator.organization_code": .organizationCode,
        "operator.legal_representative": .legalRepresentative, "operator.address": .address,
        "operator.responsible_person": .personName, "operator.responsible_person.name": .personName,
        "operator.responsible_person.id_number": .idNumber, "operator.responsible_person.mobile": .mobile,
        "operator.responsible_person.wechat": .wechat, "operator.id_number": .idNumber, "operator.mobile": .mobile,
        "operator.wechat": .wechat, "operator.work_unit": .workUnit, "operator.is_public_servant": .publicServant,
        "operator.official_capacity": .officialCapacity, "local_office_code": .localOffice,
        "scope_facts.content_mostly_about_territory": .contentLocal,
        "scope_facts.publishes_local_news": .localNews, "scope_facts.resides_in_territory": .residesLocally,
    ]

    /// The column name for intake's field `path` (e.g. `object.administrators[0].mobile` →
    /// 管理员手机); the path itself when no column corresponds.
    func column(for path: String, header: ImportHeader) -> String {
        let plain = path.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "", options: .regularExpression)
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
        default: return Self.common[path]
        }
    }
}
