import BeianJSON
import BeianModel
import Foundation

/// The filing form as command-line flags (`submit`, `check`, `change`), on top of an optional
/// JSON form (`-d JSON | -d @FILE | -d -`): flags given replace the JSON's fields.
enum SubmissionFlags {
    /// Flags taking a value.
    static let options: Set<String> = [
        "data", "object-kind", "platform", "other-platform", "account-name", "account-id", "followers", "registered",
        "business-scope", "forms", "function", "news-licence", "admin-name", "admin-mobile", "admin-email",
        "admin-wechat", "domain", "icp-number", "hosting", "site-type", "package-name", "operator-kind", "name",
        "id-number", "mobile", "wechat", "work-unit", "public-servant", "official-capacity", "unit-type",
        "public-sector", "credit-code", "organization-code", "legal-representative", "address", "responsible-name",
        "responsible-id-number", "responsible-mobile", "local-office", "office", "content-local", "local-news",
        "resides-locally",
    ]

    /// Usage text of the form flags.
    static let usage = """
          The form: -d JSON | -d @FILE.json | -d - (a FilingSubmission as `beian describe` shows it), and/or
          flags (they replace the JSON's fields):
            account:   --platform P (douyin, 抖音, 微信公众号, ...) --account-name NAME --account-id ID
                       --followers N --registered YYYY-MM-DD --business-scope 新闻发布、社会资讯 --forms 文字、视频
                       --function TEXT --news-licence yes|no [--object-kind account|website|app|mini_program]
                       [--other-platform NAME] [--domain D --icp-number N --hosting 本单位内部管理|服务器托管
                       --site-type 新闻类|政务类|商业类|社会类] [--package-name P]
            operator:  --operator-kind individual|unit (default: unit when --unit-type or --credit-code is given)
                       --name NAME (person or unit) --id-number ID --mobile M [--wechat W --work-unit U
                       --public-servant yes|no --official-capacity yes|no]
                       unit: --unit-type 机关|企业|群众团体|媒体|其他组织 [--public-sector 事业单位 ...]
                       --credit-code C [--organization-code C] [--legal-representative N --address A]
                       --responsible-name N --responsible-id-number ID --responsible-mobile M
            administrator: --admin-name N --admin-mobile M [--admin-email E --admin-wechat W]
                       (default: the individual, or the unit's responsible person)
            routing, scope: --local-office CODE --office CODE --content-local yes|no --local-news yes|no
                       --resides-locally yes|no
        """

    /// The submission from `-d` and the flags; nil when neither gives anything.
    static func submission(_ arguments: Arguments) throws(ConsoleError) -> FilingSubmission? {
        var form = FilingSubmission()
        var given = false
        if let data = arguments.value("data") {
            form = try decode(data)
            given = true
        }
        let used = options.subtracting(["data"]).filter { arguments.value($0) != nil }
        guard !used.isEmpty else { return given ? form : nil }
        try apply(arguments, to: &form)
        return form
    }

    private static func decode(_ data: String) throws(ConsoleError) -> FilingSubmission {
        guard let message = try CallCommand.requestMessages(data, stream: false).first else {
            throw ConsoleError.usage(zh: "-d 应为一个JSON对象", en: "-d needs a JSON object")
        }
        do {
            return try JSONCoding.decode(FilingSubmission.self, from: message)
        } catch {
            throw ConsoleError.failure(zh: "-d 给出的不是备案表单（FilingSubmission）：\(error)", en: "the form is not a filing submission: \(error)")
        }
    }

    private static func apply(_ arguments: Arguments, to form: inout FilingSubmission) throws(ConsoleError) {
        func text(_ name: String) -> String? { arguments.value(name) }
        func flag(_ name: String) throws(ConsoleError) -> Bool? {
            guard let value = text(name) else { return nil }
            guard let answer = FilingValues.yesNo(value) else {
                throw ConsoleError.usage(zh: "--\(name) 应为 是 或 否（yes/no），而不是“\(value)”",
                                         en: "--\(name) must be yes or no (是/否), got \"\(value)\"")
            }
            return answer
        }
        if let office = text("office") { form.officeCode = office }
        if let local = text("local-office") { form.localOfficeCode = local }

        var object = form.object ?? ObjectInput(kind: "account")
        if let kind = text("object-kind") { object.kind = FilingValues.objectKind(kind) ?? kind }
        if let platform = text("platform") {
            if let known = FilingValues.platform(platform) {
                object.platform = known.rawValue
            } else {
                object.platform = "other"
                object.otherPlatformName = platform
            }
        }
        if let other = text("other-platform") { object.otherPlatformName = other }
        if let name = text("account-name") { object.name = name }
        if let id = text("account-id") { object.accountId = id }
        if let followers = text("followers") {
            guard let count = FilingValues.followers(followers) else {
                throw ConsoleError.usage(zh: "--followers 应为数字（如 5000 或 1.2万），而不是“\(followers)”",
                                         en: "--followers must be a number (e.g. 5000 or 1.2万), got \"\(followers)\"")
            }
            object.followers = count
        }
        if let date = text("registered") { object.registrationDate = FilingValues.date(date) }
        if let scope = text("business-scope") { object.businessScope = FilingValues.businessScope(scope) }
        if let forms = text("forms") { object.forms = FilingValues.forms(forms) }
        if let function = text("function") { object.functionDescription = function }
        if let licence = try flag("news-licence") { object.hasNewsLicence = licence }
        if let domain = text("domain") { object.domain = domain }
        if let icp = text("icp-number") { object.icpNumber = icp }
        if let hosting = text("hosting") { object.hosting = FilingValues.hosting(hosting) ?? hosting }
        if let siteType = text("site-type") { object.siteType = FilingValues.siteType(siteType) ?? siteType }
        if let package = text("package-name") { object.packageName = package }

        var person = form.operator ?? OperatorInput()
        if let kind = text("operator-kind") {
            person.kind = FilingValues.operatorKind(kind) ?? kind
        } else if person.kind == nil {
            person.kind = text("unit-type") != nil || text("credit-code") != nil ? "unit" : "individual"
        }
        if let name = text("name") { person.name = name }
        if let type = text("unit-type") { person.unitType = FilingValues.unitType(type) ?? type }
        if let sector = text("public-sector") { person.publicSector = FilingValues.publicSector(sector) ?? sector }
        if let code = text("credit-code") { person.creditCode = code }
        if let code = text("organization-code") { person.organizationCode = code }
        if let legal = text("legal-representative") { person.legalRepresentative = legal }
        if let address = text("address") { person.address = address }
        if let id = text("id-number") { person.idNumber = id }
        if let mobile = text("mobile") { person.mobile = mobile }
        if let wechat = text("wechat") { person.wechat = wechat }
        if let unit = text("work-unit") { person.workUnit = unit }
        if let servant = try flag("public-servant") { person.isPublicServant = servant }
        if let official = try flag("official-capacity") { person.officialCapacity = official }
        if text("responsible-name") != nil || text("responsible-id-number") != nil || text("responsible-mobile") != nil {
            var responsible = person.responsiblePerson ?? PersonInput()
            if let name = text("responsible-name") { responsible.name = name }
            if let id = text("responsible-id-number") { responsible.idNumber = id }
            if let mobile = text("responsible-mobile") { responsible.mobile = mobile }
            person.responsiblePerson = responsible
        }

        var admin = object.administrators?.first ?? AdministratorInput()
        if let name = text("admin-name") { admin.name = name }
        if let mobile = text("admin-mobile") { admin.mobile = mobile }
        if let email = text("admin-email") { admin.email = email }
        if let wechat = text("admin-wechat") { admin.wechat = wechat }
        if admin.name == nil && admin.mobile == nil {
            // The usual case of a small account: the operator administers it.
            let contact = person.kind.flatMap(FilingValues.operatorKind) == "unit" ? person.responsiblePerson : PersonInput(name: person.name,
                                                                                        mobile: person.mobile)
            admin.name = contact?.name
            admin.mobile = contact?.mobile
        }
        object.administrators = [admin] + (object.administrators?.dropFirst() ?? [])

        var facts = form.scopeFacts ?? DeclaredScopeFacts()
        if let local = try flag("content-local") { facts.contentMostlyAboutTerritory = local }
        if let news = try flag("local-news") { facts.publishesLocalNews = news }
        if let resides = try flag("resides-locally") { facts.residesInTerritory = resides }
        form.object = object
        form.operator = person
        form.scopeFacts = facts == DeclaredScopeFacts() ? form.scopeFacts : facts
    }
}
