import BeianModel

/// A column of an office's spreadsheet, as the Hengdong filing forms name the fields (the unit
/// form and the individual form), with the spellings offices use and English aliases.
enum ImportField: String, CaseIterable {
    case accountName, accountId, platform, otherPlatform, followers, registrationDate, objectKind
    case businessScope, forms, functionDescription, newsLicence
    case adminName, adminMobile, adminEmail, adminWechat
    case operatorKind, unitName, personName, idNumber, mobile, wechat, workUnit, publicServant, officialCapacity
    case creditCode, organizationCode, legalRepresentative, address, unitType, publicSector
    case localOffice, domain, contentLocal, localNews, residesLocally

    /// Header spellings, compared after `ImportHeader.key` (no spaces, punctuation or
    /// required-field marks, lower case).
    var aliases: [String] {
        switch self {
        case .accountName: ["账号名称", "帐号名称", "公众号名称", "名称", "网站名称", "应用名称", "新媒体名称", "account_name", "name_of_account"]
        case .accountId: ["账号", "帐号", "账号id", "账号ID", "注册账号", "微信号/手机号/邮箱", "原始id", "account", "account_id"]
        case .platform: ["平台", "服务类型", "平台服务类型", "平台/服务类型", "所属平台", "平台名称", "账号类型", "platform", "service_type"]
        case .otherPlatform: ["其他平台名称", "other_platform", "other_platform_name"]
        case .followers: ["粉丝量", "关注量", "粉丝量/关注量", "粉丝量关注量", "粉丝数", "关注数", "粉丝数量", "订阅数", "followers"]
        case .registrationDate: ["注册日期", "注册时间", "开通日期", "开通时间", "开设时间", "上线时间", "registration_date", "registered"]
        case .objectKind: ["备案类型", "对象类型", "类别", "object_kind", "kind"]
        case .businessScope: ["业务范围", "business_scope"]
        case .forms: ["形式", "内容形式", "发布形式", "forms", "content_forms"]
        case .functionDescription: ["功能描述", "功能简介", "功能介绍", "简介", "账号简介", "function", "function_description", "description"]
        case .newsLicence: ["是否取得新闻资质", "新闻资质", "是否取得互联网新闻信息服务许可", "是否取得互联网新闻信息服务资质", "互联网新闻信息服务许可", "news_licence", "has_news_licence"]
        case .adminName: ["管理员姓名", "管理员", "admin_name", "administrator_name"]
        case .adminMobile: ["管理员手机", "管理员手机号", "管理员手机号码", "管理员电话", "管理员联系电话", "admin_mobile", "administrator_mobile"]
        case .adminEmail: ["管理员邮箱", "管理员电子邮箱", "admin_email", "administrator_email"]
        case .adminWechat: ["管理员微信", "管理员微信号", "admin_wechat", "administrator_wechat"]
        case .operatorKind: ["主体类型", "备案主体类型", "开设主体", "operator_kind"]
        case .unitName: ["单位名称", "主办单位", "开设单位", "单位", "unit_name", "unit"]
        case .personName: ["负责人姓名", "负责人", "运维负责人", "运营负责人", "姓名", "个人姓名", "开设人", "person_name", "responsible_name", "operator_name"]
        case .idNumber: ["身份证号", "身份证号码", "负责人身份证号", "证件号码", "公民身份号码", "id_number"]
        case .mobile: ["手机号码", "手机号", "手机", "负责人手机", "负责人手机号", "联系电话", "联系方式", "mobile", "phone"]
        case .wechat: ["微信号", "微信", "负责人微信", "wechat"]
        case .workUnit: ["工作单位", "work_unit"]
        case .publicServant: ["是否公职人员", "公职人员", "public_servant"]
        case .officialCapacity: ["是否以职务身份开设", "职务身份", "以职务身份开设", "official_capacity"]
        case .creditCode: ["统一社会信用代码", "信用代码", "社会信用代码", "credit_code"]
        case .organizationCode: ["组织机构代码", "organization_code"]
        case .legalRepresentative: ["法定代表人", "法人代表", "法人", "legal_representative"]
        case .address: ["单位地址", "地址", "通讯地址", "address"]
        case .unitType: ["单位类型", "单位性质", "unit_type"]
        case .publicSector: ["公共部门类型", "单位属性", "public_sector"]
        case .localOffice: ["属地网信办", "属地", "所属县区", "local_office", "local_office_code"]
        case .domain: ["域名", "网址", "domain"]
        case .contentLocal: ["内容是否主要涉及本地", "是否主要涉及本地", "content_local"]
        case .localNews: ["是否发布本地新闻", "是否发布本地新闻热点", "local_news"]
        case .residesLocally: ["是否长居本地", "长居本地", "resides_locally"]
        }
    }

    /// How the column is named in reports when the spreadsheet has no such column.
    var label: String { aliases[0] }
}

/// The spreadsheet's header: which column holds which field, and which columns are unknown.
struct ImportHeader {
    /// Field of each known column (by index).
    private(set) var fields: [Int: ImportField] = [:]
    /// The spreadsheet's own name of each field's column.
    private(set) var names: [ImportField: String] = [:]
    /// Columns no field matches (reported once, ignored).
    private(set) var unknown: [String] = []
    /// Columns naming a field a previous column already named (ignored).
    private(set) var duplicates: [String] = []

    private static let lookup: [String: ImportField] = {
        var table: [String: ImportField] = [:]
        for field in ImportField.allCases {
            for alias in field.aliases { table[key(alias)] = field }
        }
        return table
    }()

    /// A header cell as compared: normalized, without spaces, `*`, required-marks and notes in brackets.
    static func key(_ text: String) -> String {
        var cleaned = TextNormalization.text(text)
        for (open, close) in [("（", "）"), ("(", ")"), ("【", "】"), ("[", "]")] {
            while let start = cleaned.range(of: open), let end = cleaned.range(of: close, range: start.upperBound..<cleaned.endIndex) {
                cleaned.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return String(cleaned.lowercased().filter { !" *＊:：_-—\t".contains($0) })
    }

    /// Reads a header row.
    init(_ cells: [String]) {
        for (index, cell) in cells.enumerated() {
            let title = TextNormalization.text(cell)
            guard !title.isEmpty else { continue }
            guard let field = Self.lookup[Self.key(title)] else {
                unknown.append(title)
                continue
            }
            if names[field] != nil {
                duplicates.append(title)
                continue
            }
            fields[index] = field
            names[field] = title
        }
    }

    /// Whether the spreadsheet has a column for `field`.
    func has(_ field: ImportField) -> Bool { names[field] != nil }

    /// The spreadsheet's column name for `field` (or the form's name when it has none).
    func name(_ field: ImportField) -> String { names[field] ?? field.label }

    /// The cells of a record by field (trimmed and normalized; empty cells left out).
    func values(_ record: CSVDocument.Record) -> [ImportField: String] {
        var values: [ImportField: String] = [:]
        for (index, field) in fields where index < record.cells.count {
            let value = TextNormalization.text(record.cells[index])
            if !value.isEmpty { values[field] = value }
        }
        return values
    }
}
