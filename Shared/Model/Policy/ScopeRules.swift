/// How an office treats an object kind.
package struct ObjectScopeRule: Hashable, Sendable, Codable {
    /// The kind.
    package var kind: ObjectKind
    /// File it here, or refer it elsewhere.
    package var treatment: ObjectTreatment
    /// Where to, when referred.
    package var referral: Referral?
    /// The notice's words.
    package var wording: String
}

/// File here, or refer elsewhere.
package enum ObjectTreatment: String, Hashable, Sendable, Codable, CaseIterable {
    /// Filed with this office.
    case file
    /// Filed elsewhere (e.g. the national public-security filing platform).
    case refer
}

/// Where a referred object is filed instead.
package struct Referral: Hashable, Sendable, Codable {
    /// Name in Chinese (全国互联网安全管理服务平台).
    package var nameZh: String
    /// Name in English.
    package var nameEn: String
    /// Address (beian.gov.cn).
    package var url: String?
}

/// One any-of scope condition (符合以上任意一条).
package struct ScopeCondition: Hashable, Sendable, Codable {
    /// What the condition tests.
    package var kind: ScopeConditionKind
    /// The notice's words.
    package var wording: String
}

/// Kinds of scope condition the five notices use.
package enum ScopeConditionKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The registrant (person or company) is registered or lives in the territory.
    case registrantInTerritory = "registrant_in_territory"
    /// The object's name contains a place name of the territory (incl. aliases, ancient names).
    case nameContainsPlace = "name_contains_place"
    /// The content mostly concerns the territory.
    case contentMostlyLocal = "content_mostly_local"
    /// It publishes news or hot information in the territory.
    case publishesLocalNews = "publishes_local_news"
    /// It was filed before and its filed information changed.
    case previouslyFiledChanged = "previously_filed_changed"
    /// A channel, branch or office of an outside site in the territory.
    case localBranchOfOutsideSite = "local_branch_of_outside_site"

    /// The condition in Chinese, as staff and operators read it.
    package var zh: String {
        switch self {
        case .registrantInTerritory: "备案主体（个人或单位）在本地"
        case .nameContainsPlace: "名称含本地地名"
        case .contentMostlyLocal: "内容主要涉及本地"
        case .publishesLocalNews: "发布本地新闻或热点信息"
        case .previouslyFiledChanged: "曾经备案且备案信息有变更"
        case .localBranchOfOutsideSite: "外地网站在本地的频道或分支机构"
        }
    }

    /// The condition in English.
    package var en: String {
        switch self {
        case .registrantInTerritory: "the registrant is in the territory"
        case .nameContainsPlace: "the name contains a local place name"
        case .contentMostlyLocal: "the content is mostly about the territory"
        case .publishesLocalNews: "it publishes local news or hot topics"
        case .previouslyFiledChanged: "it was filed before and its filed facts changed"
        case .localBranchOfOutsideSite: "a local channel or branch of an outside site"
        }
    }
}

/// A follower threshold (粉丝量…以上): accounts on these platforms are in scope only from
/// `minimumFollowers` (inclusive: 以上 includes the number itself).
package struct FollowerThreshold: Hashable, Sendable, Codable {
    /// Platforms it applies to.
    package var platforms: [Platform]
    /// The smallest follower count in scope.
    package var minimumFollowers: Int
    /// The notice's words.
    package var wording: String
}

/// The concentrated filing window (集中备案登记).
package struct FilingWindow: Hashable, Sendable, Codable {
    /// First day.
    package var start: CivilDate
    /// Last day (not moved off rest days).
    package var end: CivilDate
    /// Date by which counties/departments hand in their collected forms, when different.
    package var unitsHandInBy: CivilDate?
    /// The notice's words.
    package var wording: String

    /// Creates a window.
    package init(start: CivilDate, end: CivilDate, unitsHandInBy: CivilDate? = nil, wording: String) {
        self.start = start
        self.end = end
        self.unitsHandInBy = unitsHandInBy
        self.wording = wording
    }

    /// Whether `date` lies in the window.
    package func contains(_ date: CivilDate) -> Bool { date >= start && date <= end }
}
