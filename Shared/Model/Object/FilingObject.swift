/// Filing object (备案对象): what is filed. Encodes with a discriminator
/// `{"kind": "account", ...}`; kinds are `website`, `app`, `mini_program`, `account`.
package enum FilingObject: Hashable, Sendable {
    /// A website (网站).
    case website(Website)
    /// A mobile app (APP / 移动客户端).
    case app(AppObject)
    /// A mini program (小程序).
    case miniProgram(MiniProgram)
    /// An account on a platform (新媒体账号 / 公众账号).
    case account(PlatformAccount)

    /// The kind without details.
    package var kind: ObjectKind {
        switch self {
        case .website: .website
        case .app: .app
        case .miniProgram: .miniProgram
        case .account: .account
        }
    }

    /// The object's name (网站名称 / 账号名称): what scope rules search for place names.
    package var name: String {
        switch self {
        case .website(let site): site.name
        case .app(let app): app.name
        case .miniProgram(let program): program.name
        case .account(let account): account.name
        }
    }

    /// The registration or opening date (注册日期 / 开通日期), when given.
    package var registrationDate: CivilDate? {
        switch self {
        case .website(let site): site.registrationDate
        case .app(let app): app.registrationDate
        case .miniProgram(let program): program.registrationDate
        case .account(let account): account.registrationDate
        }
    }

    /// The function description (功能介绍), when given.
    package var functionDescription: String? {
        switch self {
        case .website(let site): site.functionDescription
        case .app(let app): app.functionDescription
        case .miniProgram(let program): program.functionDescription
        case .account(let account): account.functionDescription
        }
    }

    /// Administrators and their contacts.
    package var administrators: [Administrator] {
        switch self {
        case .website(let site): site.administrators
        case .app(let app): app.administrators
        case .miniProgram(let program): program.administrators
        case .account(let account): account.administrators
        }
    }
}

/// Kind of filing object.
package enum ObjectKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 网站.
    case website
    /// APP.
    case app
    /// 小程序.
    case miniProgram = "mini_program"
    /// 新媒体账号.
    case account

    /// Chinese label.
    package var zh: String {
        switch self {
        case .website: "网站"
        case .app: "APP"
        case .miniProgram: "小程序"
        case .account: "新媒体账号"
        }
    }
}

/// An administrator of a website, app or account (管理员), with contacts.
package struct Administrator: Hashable, Sendable, Codable {
    /// Name (管理员姓名).
    package var name: String
    /// Mainland mobile number.
    package var mobile: String
    /// E-mail.
    package var email: String?
    /// WeChat id.
    package var wechat: String?

    /// Creates an administrator.
    package init(name: String, mobile: String, email: String? = nil, wechat: String? = nil) {
        self.name = name
        self.mobile = mobile
        self.email = email
        self.wechat = wechat
    }
}
