import BeianModel

/// One spreadsheet row as a filing form (one row per account).
///
/// The operator is a unit when the row names a unit (单位名称) or says so (主体类型 单位), else an
/// individual; the person columns (负责人姓名, 身份证号, 手机号码) are then the unit's responsible
/// person or the individual. When the spreadsheet has no administrator columns at all, that
/// person is the account's administrator.
struct ImportRow {
    /// A problem found before asking intake (a cell that cannot be read).
    struct Problem: Hashable {
        var column: String
        var zh: String
        var en: String
    }

    /// Row number as the spreadsheet shows it.
    var row: Int
    /// The cells by field.
    var values: [ImportField: String]
    /// The form, with cells that could not be read left out.
    var submission: FilingSubmission
    /// Cells that could not be read.
    var problems: [Problem]

    /// The account name for reports.
    var accountName: String { values[.accountName] ?? "" }

    /// Whether the operator is a unit.
    var isUnit: Bool { submission.operator?.kind == "unit" }

    /// Reads a record under `header`; `office` goes into the form when given.
    init(_ record: CSVDocument.Record, header: ImportHeader, office: String?) {
        row = record.row
        values = header.values(record)
        problems = []
        submission = FilingSubmission(officeCode: office)
        build(header)
    }

    private mutating func build(_ header: ImportHeader) {
        let v = values
        func problem(_ field: ImportField, _ zh: String, _ en: String) {
            problems.append(Problem(column: header.name(field), zh: zh, en: en))
        }
        func yesNo(_ field: ImportField) -> Bool? {
            guard let text = v[field] else { return nil }
            if let answer = FilingValues.yesNo(text) { return answer }
            problem(field, "“\(text)”应填是或否", "\"\(text)\" must be yes or no (是/否)")
            return nil
        }
        func code(_ field: ImportField) -> String? {
            guard var text = v[field] else { return nil }
            if text.hasPrefix("'") || text.hasPrefix("‘") { text.removeFirst() }
            // Excel turns long digit strings into numbers: 6.11022E+17 has lost its last digits.
            if text.range(of: #"^[0-9.]+[eE]\+?[0-9]+$"#, options: .regularExpression) != nil {
                problem(field, "“\(text)”被表格软件存成了数字，后几位已丢失：请把该列设为文本格式后重新导出",
                        "\"\(text)\" was saved as a number by the spreadsheet and lost its last digits: format the "
                            + "column as text and export again")
                return nil
            }
            return text
        }

        var object = ObjectInput(kind: v[.objectKind].map { FilingValues.objectKind($0) ?? $0 } ?? "account")
        object.name = v[.accountName]
        object.accountId = code(.accountId)
        if let platform = v[.platform] {
            if let known = FilingValues.platform(platform) {
                object.platform = known.rawValue
                if known == .other { object.otherPlatformName = v[.otherPlatform] }
            } else {
                object.platform = Platform.other.rawValue
                object.otherPlatformName = v[.otherPlatform] ?? platform
            }
        }
        if let followers = v[.followers] {
            // A column titled in 万 (粉丝量（万）) holds ten-thousands.
            let inTenThousands = header.name(.followers).contains("万") && !followers.contains("万")
            if let count = FilingValues.followers(inTenThousands ? followers + "万" : followers) {
                object.followers = count
            } else {
                problem(.followers, "“\(followers)”不是数字（例如 5000 或 1.2万）",
                        "\"\(followers)\" is not a number (e.g. 5000 or 1.2万)")
            }
        }
        object.registrationDate = v[.registrationDate].map(FilingValues.date)
        object.businessScope = v[.businessScope].map(FilingValues.businessScope)
        object.forms = v[.forms].map(FilingValues.forms)
        object.functionDescription = v[.functionDescription]
        object.hasNewsLicence = yesNo(.newsLicence)
        object.domain = v[.domain]

        var person = OperatorInput()
        let kind = v[.operatorKind].map { FilingValues.operatorKind($0) ?? $0 }
        person.kind = kind ?? (v[.unitName] != nil || v[.creditCode] != nil ? "unit" : "individual")
        let idNumber = code(.idNumber)
        if person.kind == "unit" {
            person.name = v[.unitName]
            person.unitType = v[.unitType].map { FilingValues.unitType($0) ?? $0 }
            person.publicSector = v[.publicSector].map { FilingValues.publicSector($0) ?? $0 }
            person.creditCode = code(.creditCode)
            person.organizationCode = code(.organizationCode)
            person.legalRepresentative = v[.legalRepresentative]
            person.address = v[.address]
            person.responsiblePerson = PersonInput(name: v[.personName], idNumber: idNumber, mobile: v[.mobile],
                                                   wechat: v[.wechat])
        } else {
            person.name = v[.personName] ?? v[.unitName]
            person.idNumber = idNumber
            person.mobile = v[.mobile]
            person.wechat = v[.wechat]
            person.workUnit = v[.workUnit]
            person.isPublicServant = yesNo(.publicServant)
            person.officialCapacity = yesNo(.officialCapacity)
        }

        let hasAdminColumns = [ImportField.adminName, .adminMobile, .adminEmail, .adminWechat].contains { header.has($0) }
        let admin = hasAdminColumns
            ? AdministratorInput(name: v[.adminName], mobile: v[.adminMobile], email: v[.adminEmail],
                                 wechat: v[.adminWechat])
            : AdministratorInput(name: v[.personName], mobile: v[.mobile])
        object.administrators = [admin]

        var facts = DeclaredScopeFacts()
        facts.contentMostlyAboutTerritory = yesNo(.contentLocal)
        facts.publishesLocalNews = yesNo(.localNews)
        facts.residesInTerritory = yesNo(.residesLocally)
        submission.localOfficeCode = v[.localOffice]
        submission.object = object
        submission.operator = person
        submission.scopeFacts = facts == DeclaredScopeFacts() ? nil : facts
    }
}
