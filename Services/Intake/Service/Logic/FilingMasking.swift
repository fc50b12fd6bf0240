import BeianModel

/// Masking of the personal numbers in a filing (脱敏): ID numbers and mobile numbers (and WeChat
/// ids that are mobile numbers), for operators, lists, differences and logs.
package enum FilingMasking {
    /// The filing with every version's personal numbers masked.
    package static func mask(_ filing: Filing) -> Filing {
        var masked = filing
        let content = mask(filing.content)
        masked.operator = content.operator
        masked.object = content.object
        masked.versions = filing.versions.map { version in
            var copy = version
            copy.content = mask(version.content)
            return copy
        }
        return masked
    }

    /// The content with its personal numbers masked.
    package static func mask(_ content: FilingContent) -> FilingContent {
        var masked = content
        masked.operator = mask(content.operator)
        masked.object = mask(content.object)
        return masked
    }

    /// An operator with its personal numbers masked (credit and organization codes are public).
    package static func mask(_ op: Operator) -> Operator {
        switch op {
        case .individual(var person):
            person.idNumber = Masking.idNumber(person.idNumber)
            person.mobile = Masking.mobile(person.mobile)
            person.wechat = person.wechat.map(wechat)
            return .individual(person)
        case .unit(var unit):
            unit.responsiblePerson.idNumber = Masking.idNumber(unit.responsiblePerson.idNumber)
            unit.responsiblePerson.mobile = Masking.mobile(unit.responsiblePerson.mobile)
            unit.responsiblePerson.wechat = unit.responsiblePerson.wechat.map(wechat)
            return .unit(unit)
        }
    }

    /// An object with its administrators' mobiles masked.
    package static func mask(_ object: FilingObject) -> FilingObject {
        func admins(_ list: [Administrator]) -> [Administrator] {
            list.map { admin in
                var copy = admin
                copy.mobile = Masking.mobile(admin.mobile)
                copy.wechat = admin.wechat.map(wechat)
                return copy
            }
        }
        switch object {
        case .website(var site): site.administrators = admins(site.administrators); return .website(site)
        case .app(var app): app.administrators = admins(app.administrators); return .app(app)
        case .miniProgram(var program):
            program.administrators = admins(program.administrators)
            return .miniProgram(program)
        case .account(var account): account.administrators = admins(account.administrators); return .account(account)
        }
    }

    /// The masked identity number shown in lists: the individual's or the responsible person's.
    package static func listedIDNumber(_ op: Operator) -> String {
        switch op {
        case .individual(let person): Masking.idNumber(person.idNumber)
        case .unit(let unit): Masking.idNumber(unit.responsiblePerson.idNumber)
        }
    }

    /// The masked mobile shown in lists.
    package static func listedMobile(_ op: Operator) -> String {
        switch op {
        case .individual(let person): Masking.mobile(person.mobile)
        case .unit(let unit): Masking.mobile(unit.responsiblePerson.mobile)
        }
    }

    /// The personal number whose look-up hash is stored (the individual's or the responsible person's ID).
    package static func lookupIDNumber(_ op: Operator) -> String {
        switch op {
        case .individual(let person): person.idNumber
        case .unit(let unit): unit.responsiblePerson.idNumber
        }
    }

    private static func wechat(_ value: String) -> String {
        ContactRules.isMobile(value) ? Masking.mobile(value) : value
    }
}
