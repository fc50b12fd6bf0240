/// Filing-object fields as typed (all kinds together; `kind` says which apply).
package struct ObjectInput: Hashable, Sendable, Codable {
    /// `website`, `app`, `mini_program` or `account`.
    package var kind: String?
    /// Name (网站名称 / 账号名称).
    package var name: String?
    /// Account: `Platform` raw value.
    package var platform: String?
    /// Account: the platform's name when `platform` is `other`.
    package var otherPlatformName: String?
    /// Account: account id used to register.
    package var accountId: String?
    /// Account: business scope, `BusinessScope` raw values.
    package var businessScope: [String]?
    /// Account: content forms, `ContentForm` raw values.
    package var forms: [String]?
    /// Function description.
    package var functionDescription: String?
    /// Registration date `YYYY-MM-DD`.
    package var registrationDate: String?
    /// Holds a news licence.
    package var hasNewsLicence: Bool?
    /// Account: follower count.
    package var followers: Int?
    /// Administrators.
    package var administrators: [AdministratorInput]?
    /// Website: domain.
    package var domain: String?
    /// Website: ICP number.
    package var icpNumber: String?
    /// Website: `in_house` or `hosted_elsewhere`.
    package var hosting: String?
    /// Website: `news`, `government`, `commercial`, `non_profit`.
    package var siteType: String?
    /// Website: a local branch of an outside site.
    package var isLocalBranchOfOutsideSite: Bool?
    /// App: package name.
    package var packageName: String?
    /// Mini program: host platform.
    package var hostPlatform: String?
    /// Mini program: app id.
    package var appId: String?

    /// Creates object input.
    package init(kind: String? = nil, name: String? = nil, platform: String? = nil, otherPlatformName: String? = nil,
                 accountId: String? = nil, businessScope: [String]? = nil, forms: [String]? = nil,
                 functionDescription: String? = nil, registrationDate: String? = nil, hasNewsLicence: Bool? = nil,
                 followers: Int? = nil, administrators: [AdministratorInput]? = nil, domain: String? = nil,
                 icpNumber: String? = nil, hosting: String? = nil, siteType: String? = nil,
                 isLocalBranchOfOutsideSite: Bool? = nil, packageName: String? = nil, hostPlatform: String? = nil,
                 appId: String? = nil) {
        self.kind = kind
        self.name = name
        self.platform = platform
        self.otherPlatformName = otherPlatformName
        self.accountId = accountId
        self.businessScope = businessScope
        self.forms = forms
        self.functionDescription = functionDescription
        self.registrationDate = registrationDate
        self.hasNewsLicence = hasNewsLicence
        self.followers = followers
        self.administrators = administrators
        self.domain = domain
        self.icpNumber = icpNumber
        self.hosting = hosting
        self.siteType = siteType
        self.isLocalBranchOfOutsideSite = isLocalBranchOfOutsideSite
        self.packageName = packageName
        self.hostPlatform = hostPlatform
        self.appId = appId
    }
}
