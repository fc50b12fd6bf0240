/// Scope facts the operator declares on the form (cannot be derived from the other fields).
package struct DeclaredScopeFacts: Hashable, Sendable, Codable {
    /// The content mostly concerns the territory (发布内容大部分涉及本地).
    package var contentMostlyAboutTerritory: Bool?
    /// It publishes news or hot information in the territory (在本行政区域内发布新闻信息、热点资讯).
    package var publishesLocalNews: Bool?
    /// It was filed before and the filed information changed (原来备案过，备案信息有更改).
    package var previouslyFiledAndChanged: Bool?
    /// The registrant, a manager or a user lives in the territory (长居本市), whatever the ID says.
    package var residesInTerritory: Bool?

    /// Creates declared facts (all unknown by default).
    package init(contentMostlyAboutTerritory: Bool? = nil, publishesLocalNews: Bool? = nil,
                 previouslyFiledAndChanged: Bool? = nil, residesInTerritory: Bool? = nil) {
        self.contentMostlyAboutTerritory = contentMostlyAboutTerritory
        self.publishesLocalNews = publishesLocalNews
        self.previouslyFiledAndChanged = previouslyFiledAndChanged
        self.residesInTerritory = residesInTerritory
    }
}

/// A change to a filed object (变更): name, subject or other filed information.
package struct ChangeFacts: Hashable, Sendable, Codable {
    /// The date the change happened (the deadline counts from it).
    package var changeDate: CivilDate
    /// What changed, as snake_case field paths or plain words (e.g. `object.name`).
    package var changedFields: [String]
    /// Free description.
    package var description: String?

    /// Creates change facts.
    package init(changeDate: CivilDate, changedFields: [String], description: String? = nil) {
        self.changeDate = changeDate
        self.changedFields = changedFields
        self.description = description
    }
}

/// Closure of a filed object (关闭/注销).
package struct ClosureFacts: Hashable, Sendable, Codable {
    /// The date the account was closed on the platform (the deadline counts from it).
    package var closureDate: CivilDate
    /// Reason.
    package var reason: String?
    /// Date of the public announcement (公告), when one is required (Gejiu art. 8).
    package var announcedOn: CivilDate?

    /// Creates closure facts.
    package init(closureDate: CivilDate, reason: String? = nil, announcedOn: CivilDate? = nil) {
        self.closureDate = closureDate
        self.reason = reason
        self.announcedOn = announcedOn
    }
}
