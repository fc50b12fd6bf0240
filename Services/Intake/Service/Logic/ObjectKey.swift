import BeianModel

/// The account or website a filing is about, as one key (备案对象): an office holds at most one
/// live filing of each. A platform account is its platform and account id; a website its domain.
/// Apps and mini programs have no such identifier in the form (names are not unique), and an
/// account on an unlisted platform ("other") has no platform to scope its id: these get no key.
package struct ObjectKey: Sendable, Hashable, CustomStringConvertible {
    /// The platform of an account; nil for a website.
    package var platform: Platform?
    /// The account id or the domain, normalized (lower case; a domain without `www.`).
    package var identifier: String

    /// The stored form: `account:douyin:abc`, `website:example.cn`.
    package var description: String {
        platform.map { "account:\($0.rawValue):\(identifier)" } ?? "website:\(identifier)"
    }

    /// The key of `object`, or nil when it has none.
    package static func of(_ object: FilingObject) -> ObjectKey? {
        switch object {
        case .account(let account) where account.platform != .other:
            let id = TextNormalization.text(account.accountId).lowercased()
            return id.isEmpty ? nil : ObjectKey(platform: account.platform, identifier: id)
        case .website(let site):
            var domain = TextNormalization.text(site.domain).lowercased()
            if domain.hasPrefix("www.") { domain.removeFirst(4) }
            return domain.isEmpty ? nil : ObjectKey(platform: nil, identifier: domain)
        default:
            return nil
        }
    }

    /// Whether a filing in `status` holds its object: every status but the ends without a filing
    /// on record (rejected 不予备案, cancelled 已注销 — closed, withdrawn or transferred away).
    package static func isHeld(by status: FilingStatus) -> Bool {
        status != .rejected && status != .cancelled
    }

    /// The key `record` holds now, or nil.
    package static func held(by record: IntakeFiling) -> ObjectKey? {
        isHeld(by: record.filing.status) ? of(record.filing.object) : nil
    }
}

/// A submission (or change) of an account or website that another live filing of the office
/// already holds (重复备案).
package struct ObjectAlreadyFiled: Error, Sendable, Hashable, CustomStringConvertible {
    /// The account or website.
    package var key: ObjectKey
    /// The filing that holds it.
    package var holder: String

    /// Text for logs.
    package var description: String { "\(key) is already filed as \(holder)" }
}

extension ObjectKey {
    /// The violation a submission of this account or website gets while another live filing holds
    /// it: under `object.account_id` or `object.domain`, rule `already_filed`, naming the object but
    /// not the filing (the caller may be an operator who is not its owner). `SubmitFiling` sends it
    /// as ALREADY_EXISTS, `CheckScope` as a reason it would not file.
    package var alreadyFiled: FieldViolation {
        let (zh, en): (String, String)
        if let platform {
            zh = "\(platform.zh)账号“\(identifier)”已在本办备案，请勿重复提交；信息有变化的请办理变更备案"
            en = "the \(platform.rawValue) account \"\(identifier)\" is already filed with this office: do not file "
                + "it twice; report changes with a change filing"
        } else {
            zh = "网站“\(identifier)”已在本办备案，请勿重复提交；信息有变化的请办理变更备案"
            en = "the website \"\(identifier)\" is already filed with this office: do not file it twice; report "
                + "changes with a change filing"
        }
        return FieldViolation(field: platform == nil ? "object.domain" : "object.account_id", rule: "already_filed",
                              messageZh: zh, messageEn: en)
    }
}
