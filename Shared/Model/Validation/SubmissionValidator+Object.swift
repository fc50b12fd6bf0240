extension SubmissionValidator {
    /// Validates object input under the path `object`; nil when anything is wrong.
    package static func validateObject(_ input: ObjectInput?, today: CivilDate,
                                       into list: inout ViolationList) -> FilingObject? {
        guard let input else {
            list.required("object", "备案对象", "Filing object")
            return nil
        }
        let before = list.violations.count
        let kind = list.requiredEnum(ObjectKind.self, input.kind, "object.kind", "备案对象类型", "Object kind")
        let name = list.requiredText(input.name, "object.name", "名称", "Name", maxLength: nameLimit)
        let description = list.optionalText(input.functionDescription, "object.function_description", "功能介绍",
                                            "Function description", maxLength: descriptionLimit)
        let date = list.optionalDate(input.registrationDate, "object.registration_date", "注册日期",
                                     "Registration date", notAfter: today)
        let admins = validateAdministrators(input.administrators, into: &list)
        let licence = input.hasNewsLicence ?? false
        guard let kind else { return nil }
        switch kind {
        case .website:
            let domain = validateDomain(input.domain, into: &list)
            let icp = input.icpNumber.map(TextNormalization.text).flatMap { $0.isEmpty ? nil : $0 }
            let hosting = list.requiredEnum(Hosting.self, input.hosting, "object.hosting", "服务器托管方式", "Hosting")
            let type = list.requiredEnum(SiteType.self, input.siteType, "object.site_type", "网站类型", "Site type")
            guard list.violations.count == before, let name, let domain, let hosting, let type else { return nil }
            return .website(Website(name: name, domain: domain, icpNumber: icp, hosting: hosting, siteType: type,
                                    isLocalBranchOfOutsideSite: input.isLocalBranchOfOutsideSite ?? false,
                                    registrationDate: date, functionDescription: description,
                                    hasNewsLicence: licence, administrators: admins))
        case .app:
            let package = input.packageName.map(TextNormalization.code).flatMap { $0.isEmpty ? nil : $0.lowercased() }
            guard list.violations.count == before, let name else { return nil }
            return .app(AppObject(name: name, packageName: package, registrationDate: date,
                                  functionDescription: description, hasNewsLicence: licence, administrators: admins))
        case .miniProgram:
            let host = list.requiredText(input.hostPlatform, "object.host_platform", "所属平台", "Host platform")
            let appId = input.appId.map(TextNormalization.code).flatMap { $0.isEmpty ? nil : $0 }
            guard list.violations.count == before, let name, let host else { return nil }
            return .miniProgram(MiniProgram(name: name, hostPlatform: host, appId: appId, registrationDate: date,
                                            functionDescription: description, hasNewsLicence: licence,
                                            administrators: admins))
        case .account:
            return validateAccount(input, name: name, description: description, date: date, admins: admins,
                                   before: before, into: &list)
        }
    }

    private static func validateAccount(_ input: ObjectInput, name: String?, description: String?, date: CivilDate?,
                                        admins: [Administrator], before: Int,
                                        into list: inout ViolationList) -> FilingObject? {
        let platform = list.requiredEnum(Platform.self, input.platform, "object.platform", "服务类型", "Platform")
        let otherName = list.optionalText(input.otherPlatformName, "object.other_platform_name", "平台名称",
                                          "Platform name")
        if platform == .other && otherName == nil {
            list.required("object.other_platform_name", "平台名称", "Platform name")
        }
        let accountId = list.requiredText(input.accountId, "object.account_id", "账号", "Account id")
        var scopes: [BusinessScope] = []
        for (index, raw) in (input.businessScope ?? []).enumerated() {
            if let scope = list.requiredEnum(BusinessScope.self, raw, "object.business_scope[\(index)]", "业务范围",
                                             "Business scope"), !scopes.contains(scope) {
                scopes.append(scope)
            }
        }
        var forms: [ContentForm] = []
        for (index, raw) in (input.forms ?? []).enumerated() {
            if let form = list.requiredEnum(ContentForm.self, raw, "object.forms[\(index)]", "形式", "Form"),
               !forms.contains(form) {
                forms.append(form)
            }
        }
        if let followers = input.followers, followers < 0 {
            list.add("object.followers", "followers_negative", zh: "关注量不能为负数",
                     en: "followers must not be negative")
        }
        guard list.violations.count == before, let platform, let name, let accountId else { return nil }
        return .account(PlatformAccount(platform: platform, otherPlatformName: otherName, name: name,
                                        accountId: accountId, businessScope: scopes, forms: forms,
                                        functionDescription: description, registrationDate: date,
                                        hasNewsLicence: input.hasNewsLicence ?? false, followers: input.followers,
                                        administrators: admins))
    }

    private static func validateAdministrators(_ inputs: [AdministratorInput]?,
                                               into list: inout ViolationList) -> [Administrator] {
        guard let inputs, !inputs.isEmpty else {
            list.required("object.administrators", "管理员", "Administrator")
            return []
        }
        var result: [Administrator] = []
        for (index, input) in inputs.enumerated() {
            let path = "object.administrators[\(index)]"
            let name = list.requiredText(input.name, "\(path).name", "管理员姓名", "Administrator name", maxLength: nameLimit)
            let mobile = list.requiredMobile(input.mobile, "\(path).mobile")
            let email = list.optionalEmail(input.email, "\(path).email")
            let wechat = list.optionalWeChat(input.wechat, "\(path).wechat")
            if let name, let mobile {
                result.append(Administrator(name: name, mobile: mobile, email: email, wechat: wechat))
            }
        }
        return result
    }

    private static func validateDomain(_ input: String?, into list: inout ViolationList) -> String? {
        guard let raw = input.map(TextNormalization.code), !raw.isEmpty else {
            list.required("object.domain", "域名", "Domain")
            return nil
        }
        var domain = raw.lowercased()
        for prefix in ["https://", "http://"] where domain.hasPrefix(prefix) { domain.removeFirst(prefix.count) }
        if let slash = domain.firstIndex(of: "/") { domain = String(domain[..<slash]) }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let valid = labels.count >= 2 && domain.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
        guard valid else {
            list.add("object.domain", "domain_format", zh: "域名“\(raw)”格式不正确", en: "domain \"\(raw)\" is not valid")
            return nil
        }
        return domain
    }
}
