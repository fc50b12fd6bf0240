/// A website (网站), with the distinctions the Shangluo notice makes.
package struct Website: Hashable, Sendable, Codable {
    /// Chinese name of the site (网站中文名称).
    package var name: String
    /// Domain name, lowercased (e.g. `www.slrbs.com`).
    package var domain: String
    /// ICP filing or licence number (ICP备案号), when the site has one.
    package var icpNumber: String?
    /// Who runs the servers.
    package var hosting: Hosting
    /// Site type.
    package var siteType: SiteType
    /// A channel, branch, work station or office of an outside site in the territory
    /// (Shangluo 1.(4): 网站频道、分站、工作站、记者站、办事处).
    package var isLocalBranchOfOutsideSite: Bool
    /// Registration or opening date.
    package var registrationDate: CivilDate?
    /// Function description.
    package var functionDescription: String?
    /// Whether the site holds an internet news information service licence.
    package var hasNewsLicence: Bool
    /// Administrators.
    package var administrators: [Administrator]

    /// Creates a website.
    package init(name: String, domain: String, icpNumber: String? = nil, hosting: Hosting = .inHouse,
                 siteType: SiteType, isLocalBranchOfOutsideSite: Bool = false, registrationDate: CivilDate? = nil,
                 functionDescription: String? = nil, hasNewsLicence: Bool = false, administrators: [Administrator] = []) {
        self.name = name
        self.domain = domain
        self.icpNumber = icpNumber
        self.hosting = hosting
        self.siteType = siteType
        self.isLocalBranchOfOutsideSite = isLocalBranchOfOutsideSite
        self.registrationDate = registrationDate
        self.functionDescription = functionDescription
        self.hasNewsLicence = hasNewsLicence
        self.administrators = administrators
    }
}

/// Where a site's servers and system maintenance are (Shangluo 1.(1)-(3)).
package enum Hosting: String, Hashable, Sendable, Codable, CaseIterable {
    /// Managed by the unit itself (由本单位内部管理).
    case inHouse = "in_house"
    /// Hosted by an organization elsewhere (服务器托管 / 在外地托管).
    case hostedElsewhere = "hosted_elsewhere"

    /// Chinese label, in the Shangluo notice's words (由本单位内部管理 / 提供服务器托管).
    package var zh: String {
        switch self {
        case .inHouse: "本单位内部管理"
        case .hostedElsewhere: "服务器托管"
        }
    }
}

/// Website type (网站类型), Shangluo 二.1.
package enum SiteType: String, Hashable, Sendable, Codable, CaseIterable {
    /// 新闻类: licensed news information service.
    case news
    /// 政务类: run by party/government bodies, public institutions, people's organizations.
    case government
    /// 商业类: for profit.
    case commercial
    /// 社会类: non-profit.
    case nonProfit = "non_profit"

    /// Chinese label, as the Shangluo notice names the types (also the statistics' labels).
    package var zh: String {
        switch self {
        case .news: "新闻类"
        case .government: "政务类"
        case .commercial: "商业类"
        case .nonProfit: "社会类"
        }
    }
}

/// A mobile app (APP / 移动客户端).
package struct AppObject: Hashable, Sendable, Codable {
    /// App name.
    package var name: String
    /// Package or bundle identifier, when known.
    package var packageName: String?
    /// Registration or release date.
    package var registrationDate: CivilDate?
    /// Function description.
    package var functionDescription: String?
    /// Whether it holds a news licence.
    package var hasNewsLicence: Bool
    /// Administrators.
    package var administrators: [Administrator]

    /// Creates an app.
    package init(name: String, packageName: String? = nil, registrationDate: CivilDate? = nil,
                 functionDescription: String? = nil, hasNewsLicence: Bool = false, administrators: [Administrator] = []) {
        self.name = name
        self.packageName = packageName
        self.registrationDate = registrationDate
        self.functionDescription = functionDescription
        self.hasNewsLicence = hasNewsLicence
        self.administrators = administrators
    }
}

/// A mini program (小程序).
package struct MiniProgram: Hashable, Sendable, Codable {
    /// Name.
    package var name: String
    /// Host platform (e.g. 微信, 支付宝, 抖音), free text.
    package var hostPlatform: String
    /// The platform's app id, when known.
    package var appId: String?
    /// Registration date.
    package var registrationDate: CivilDate?
    /// Function description.
    package var functionDescription: String?
    /// Whether it holds a news licence.
    package var hasNewsLicence: Bool
    /// Administrators.
    package var administrators: [Administrator]

    /// Creates a mini program.
    package init(name: String, hostPlatform: String, appId: String? = nil, registrationDate: CivilDate? = nil,
                 functionDescription: String? = nil, hasNewsLicence: Bool = false, administrators: [Administrator] = []) {
        self.name = name
        self.hostPlatform = hostPlatform
        self.appId = appId
        self.registrationDate = registrationDate
        self.functionDescription = functionDescription
        self.hasNewsLicence = hasNewsLicence
        self.administrators = administrators
    }
}
