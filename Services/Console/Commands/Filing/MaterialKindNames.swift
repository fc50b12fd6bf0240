import BeianModel
import IntakeService

/// Material kinds (材料类型) as people name them: the wire value (`business_licence`, also with
/// dashes), the Chinese label, or a common short name (营业执照, 备案表 ...).
enum MaterialKindNames {
    /// What `--kind` names.
    enum Choice: Equatable {
        /// One kind.
        case kind(MaterialKind)
        /// An ID card copy without saying whose (身份证复印件): the operator's own for individuals, the
        /// one the filing still lacks for units.
        case identityCopy
    }

    /// The kind `text` names, or nil.
    static func choice(_ text: String) -> Choice? {
        let cleaned = TextNormalization.text(text)
        let wire = cleaned.lowercased().replacingOccurrences(of: "-", with: "_")
        if let kind = MaterialKind(rawValue: wire) { return .kind(kind) }
        if let kind = MaterialKind.allCases.first(where: { $0.zh == cleaned }) { return .kind(kind) }
        if ["身份证复印件", "身份证", "身份证扫描件", "身份证照片"].contains(cleaned) { return .identityCopy }
        return names[cleaned].map(Choice.kind)
    }

    /// Short and alternative Chinese names.
    private static let names: [String: MaterialKind] = [
        "组织机构代码证": .organizationCodeCertificate, "组织机构代码证复印件": .organizationCodeCertificate,
        "营业执照": .businessLicence, "营业执照复印件": .businessLicence, "工商执照": .businessLicence,
        "营业执照副本": .businessLicence, "事业单位法人证书": .businessLicence, "统一社会信用代码证": .businessLicence,
        "运维负责人身份证": .responsiblePersonIdCopy, "负责人身份证": .responsiblePersonIdCopy,
        "负责人身份证复印件": .responsiblePersonIdCopy,
        "主要负责人身份证": .principalIdCopy, "主要负责人身份证复印件": .principalIdCopy,
        "单位负责人身份证复印件": .principalIdCopy,
        "本人身份证": .ownIdCopy, "本人身份证复印件": .ownIdCopy, "个人身份证复印件": .ownIdCopy,
        "备案表": .filingForm, "登记表": .filingForm, "备案登记表": .filingForm, "登记备案表": .filingForm,
        "会议纪要": .leadershipMeetingMinutes, "专题会议纪要": .leadershipMeetingMinutes,
        "领导批准": .principalLeaderApproval, "主要领导批准": .principalLeaderApproval,
        "人员名单": .editorialTeamList, "编辑团队名单": .editorialTeamList, "编辑团队人员名单": .editorialTeamList,
        "审核制度": .reviewRules, "信息审核制度": .reviewRules,
        "安全管理措施": .securityMeasures, "网络安全措施": .securityMeasures,
        "主管部门同意": .competentDepartmentConsent, "主管部门意见": .competentDepartmentConsent,
        "单位同意": .unitConsent, "所在单位同意": .unitConsent, "所在单位意见": .unitConsent,
        "新闻许可": .newsLicence, "新闻资质": .newsLicence, "新闻信息服务许可": .newsLicence,
        "互联网新闻信息服务许可证": .newsLicence, "其他": .other, "其它": .other,
    ]

    /// The ID card copy a filing needs: one its missing materials name, else the operator's own
    /// (individuals) or the responsible person's (units).
    static func identityCopy(for view: FilingView) -> MaterialKind {
        let copies: [MaterialKind] = [.ownIdCopy, .responsiblePersonIdCopy, .principalIdCopy]
        for rule in view.missingMaterials {
            if let kind = rule.anyOf.first(where: copies.contains) { return kind }
        }
        if case .individual = view.filing.operator { return .ownIdCopy }
        return .responsiblePersonIdCopy
    }

    /// A kind's English name (`--lang en` output).
    static func english(_ kind: MaterialKind) -> String {
        switch kind {
        case .organizationCodeCertificate: "organization code certificate copy"
        case .businessLicence: "business licence copy"
        case .responsiblePersonIdCopy: "ID card copy of the person responsible"
        case .principalIdCopy: "ID card copy of the unit's principal"
        case .ownIdCopy: "own ID card copy"
        case .filingForm: "filing form"
        case .surveyReport: "survey report"
        case .leadershipMeetingMinutes: "minutes of the leadership meeting"
        case .principalLeaderApproval: "approval of the principal leader"
        case .editorialTeamList: "list of leaders and editorial team"
        case .reviewRules: "information review rules"
        case .securityMeasures: "network security measures"
        case .competentDepartmentConsent: "consent of the competent department"
        case .unitConsent: "consent of the employing unit"
        case .newsLicence: "internet news information service licence"
        case .other: "other material"
        }
    }

    /// The kinds for usage text: `wire value  中文`, one per line.
    static var usageList: String {
        MaterialKind.allCases.map { kind in
            "            " + kind.rawValue.padding(toLength: 31, withPad: " ", startingAt: 0) + kind.zh
        }.joined(separator: "\n")
    }
}
