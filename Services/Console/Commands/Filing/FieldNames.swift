import Foundation

/// Intake's field paths (`object.name`, `operator.responsible_person.id_number`,
/// `object.administrators[0].mobile`) by the names of the filing forms (账号名称, 身份证号, 管理员手机).
enum FieldNames {
    /// Paths (indices removed) that a spreadsheet column of the import holds, for both kinds of operator.
    static let columns: [String: ImportField] = [
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

    /// Names of paths no column holds, or that read better otherwise than the column's name.
    private static let own: [String: String] = [
        "object": "备案对象", "object.other_platform_name": "其他平台名称", "object.administrators": "管理员",
        "object.administrators.name": "管理员姓名", "object.administrators.mobile": "管理员手机",
        "object.icp_number": "ICP备案号", "object.hosting": "托管方式", "object.site_type": "网站类型",
        "object.is_local_branch_of_outside_site": "是否外地网站的本地分支", "object.package_name": "应用包名",
        "object.host_platform": "所属平台", "object.app_id": "小程序AppID",
        "operator": "备案人", "operator.name": "备案人名称", "operator.responsible_person": "负责人",
        "scope_facts.previously_filed_and_changed": "是否曾备案后变更", "office_code": "网信办",
        "materials": "材料", "materials.kind": "材料种类", "materials.sha256": "材料SHA-256",
        "materials.size": "材料大小", "materials.media_type": "材料格式", "materials.file_name": "材料文件名",
        // Fields of staff requests (named as intake names them in its messages).
        "filing_id": "备案编号", "target_office": "移交网信办", "reason": "理由", "change_date": "变更日期",
        "closure_date": "关闭日期", "description": "变更说明", "filename": "文件名", "query": "搜索词",
        "submitted_from": "起始日期", "submitted_to": "截止日期", "announced_on": "公告日期",
        "within_days": "天数", "page_size": "每页条数", "limit": "条数", "cursor": "翻页位置",
        "local_office": "属地网信办", "timeliness": "时限",
    ]

    /// The path without array indices, and the first index (from 0) when there is one.
    static func plain(_ path: String) -> (path: String, index: Int?) {
        guard let open = path.firstIndex(of: "["), let close = path[open...].firstIndex(of: "]") else {
            return (path, nil)
        }
        let plain = path.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "", options: .regularExpression)
        return (plain, Int(path[path.index(after: open)..<close]))
    }

    /// The Chinese name of `path` (`object.administrators[1].mobile` → 管理员手机（第2项）), nil when unknown.
    static func zh(_ path: String) -> String? {
        let (plain, index) = plain(path)
        guard let name = own[plain] ?? columns[plain]?.label else { return nil }
        return index.map { name + "（第\($0 + 1)项）" } ?? name
    }
}

extension Output {
    /// A field path by its form name in Chinese output; the path itself in English (or when unknown).
    func fieldName(_ path: String) -> String {
        language == .zh ? FieldNames.zh(path) ?? path : path
    }

    /// A violated field in a service's refusal: `账号名称（object.name）` in Chinese, the path alone
    /// in English or when the path has no form name.
    func violationField(_ path: String) -> String {
        guard language == .zh, let name = FieldNames.zh(path) else { return path }
        return "\(name)（\(path)）"
    }

    /// A comma-separated list of paths (`object.name,operator.mobile`) by name: 账号名称、手机号码.
    func fieldNames(_ paths: String) -> String {
        guard language == .zh else { return paths }
        return paths.split(separator: ",").map { fieldName(String($0)) }.joined(separator: "、")
    }

    /// A staff note, whose `path: reason` parts (intake writes them when no summary is given) name the fields.
    func staffNoteText(_ note: String) -> String {
        guard language == .zh else { return note }
        return note.components(separatedBy: "；").map { part in
            guard let colon = part.range(of: ": "), let name = FieldNames.zh(String(part[..<colon.lowerBound])) else {
                return part
            }
            return name + "：" + part[colon.upperBound...]
        }.joined(separator: "；")
    }
}
