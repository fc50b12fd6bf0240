/// An account on a platform (新媒体账号), with the fields of the Hengdong filing form.
package struct PlatformAccount: Hashable, Sendable, Codable {
    /// The platform (服务类型).
    package var platform: Platform
    /// The platform's name when `platform` is `.other` (e.g. 哔哩哔哩).
    package var otherPlatformName: String?
    /// Account name (账号名称): the Chinese display name, e.g. 衡东发布.
    package var name: String
    /// Account (账号): the id, phone or e-mail used to register, e.g. WeChat id `hdfb`.
    package var accountId: String
    /// Business scope (业务范围), several allowed.
    package var businessScope: [BusinessScope]
    /// Forms of content (形式).
    package var forms: [ContentForm]
    /// Function description (功能介绍).
    package var functionDescription: String?
    /// Registration date (注册日期).
    package var registrationDate: CivilDate?
    /// Holds an internet news information service licence (是否取得互联网新闻信息服务资质).
    package var hasNewsLicence: Bool
    /// Follower count (关注量), when known.
    package var followers: Int?
    /// Administrators (管理员).
    package var administrators: [Administrator]

    /// Creates an account.
    package init(platform: Platform, otherPlatformName: String? = nil, name: String, accountId: String,
                 businessScope: [BusinessScope] = [], forms: [ContentForm] = [], functionDescription: String? = nil,
                 registrationDate: CivilDate? = nil, hasNewsLicence: Bool = false, followers: Int? = nil,
                 administrators: [Administrator] = []) {
        self.platform = platform
        self.otherPlatformName = otherPlatformName
        self.name = name
        self.accountId = accountId
        self.businessScope = businessScope
        self.forms = forms
        self.functionDescription = functionDescription
        self.registrationDate = registrationDate
        self.hasNewsLicence = hasNewsLicence
        self.followers = followers
        self.administrators = administrators
    }
}

/// Business scope choices of the Hengdong form (业务范围, multi-choice).
package enum BusinessScope: String, Hashable, Sendable, Codable, CaseIterable {
    /// 便民服务.
    case convenienceServices = "convenience_services"
    /// 会员服务.
    case membershipServices = "membership_services"
    /// 征婚交友.
    case dating
    /// 新闻发布.
    case newsRelease = "news_release"
    /// 广告业务.
    case advertising
    /// 政策法规.
    case policyAndLaw = "policy_and_law"
    /// 社会资讯.
    case socialInformation = "social_information"
    /// 专业技术.
    case professionalTechnical = "professional_technical"
    /// 微社区.
    case microCommunity = "micro_community"
    /// 其他.
    case other

    /// The form's Chinese label.
    package var zh: String {
        switch self {
        case .convenienceServices: "便民服务"
        case .membershipServices: "会员服务"
        case .dating: "征婚交友"
        case .newsRelease: "新闻发布"
        case .advertising: "广告业务"
        case .policyAndLaw: "政策法规"
        case .socialInformation: "社会资讯"
        case .professionalTechnical: "专业技术"
        case .microCommunity: "微社区"
        case .other: "其他"
        }
    }
}

/// Content forms (形式).
package enum ContentForm: String, Hashable, Sendable, Codable, CaseIterable {
    /// 文字.
    case text
    /// 图片.
    case image
    /// 语音.
    case audio
    /// 视频.
    case video

    /// The form's Chinese label.
    package var zh: String {
        switch self {
        case .text: "文字"
        case .image: "图片"
        case .audio: "语音"
        case .video: "视频"
        }
    }
}
