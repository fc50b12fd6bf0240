/// A reference to an uploaded material (a scan or document); the bytes live elsewhere.
package struct MaterialReference: Hashable, Sendable, Codable {
    /// What the document is.
    package var kind: MaterialKind
    /// SHA-256 of the bytes, 64 lowercase hex digits.
    package var sha256: String
    /// Size in bytes.
    package var size: Int
    /// Media type, e.g. `application/pdf`, `image/jpeg`.
    package var mediaType: String
    /// The file name the operator gave, when any.
    package var fileName: String?

    /// Creates a reference.
    package init(kind: MaterialKind, sha256: String, size: Int, mediaType: String, fileName: String? = nil) {
        self.kind = kind
        self.sha256 = sha256
        self.size = size
        self.mediaType = mediaType
        self.fileName = fileName
    }
}

/// Kinds of material the five notices ask for.
package enum MaterialKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 组织机构代码证复印件 (scan).
    case organizationCodeCertificate = "organization_code_certificate"
    /// 工商执照 / 营业执照复印件 (scan).
    case businessLicence = "business_licence"
    /// 运维负责人身份证复印件.
    case responsiblePersonIdCopy = "responsible_person_id_copy"
    /// 单位主要负责人身份证复印件 (Hengdong).
    case principalIdCopy = "principal_id_copy"
    /// 本人身份证复印件 (individuals).
    case ownIdCopy = "own_id_copy"
    /// The filing form (备案表), sealed by a unit or signed by an individual.
    case filingForm = "filing_form"
    /// Survey report of a county or department (调查报告, Shangluo).
    case surveyReport = "survey_report"
    /// Minutes of the leadership meeting on opening (班子专题会议纪要, Gejiu art. 5).
    case leadershipMeetingMinutes = "leadership_meeting_minutes"
    /// Approval of the principal leader (主要领导批准).
    case principalLeaderApproval = "principal_leader_approval"
    /// List of principal leader, leader in charge and editorial team (编辑团队人员名单).
    case editorialTeamList = "editorial_team_list"
    /// Information-release review rules (信息发布审核制度).
    case reviewRules = "review_rules"
    /// Network-security management measures (网络安全管理措施).
    case securityMeasures = "security_measures"
    /// Consent of the competent department (主管部门同意).
    case competentDepartmentConsent = "competent_department_consent"
    /// Consent of the public servant's unit (所在单位同意).
    case unitConsent = "unit_consent"
    /// Internet news information service licence (互联网新闻信息服务许可).
    case newsLicence = "news_licence"
    /// Anything else.
    case other

    /// Chinese label.
    package var zh: String {
        switch self {
        case .organizationCodeCertificate: "组织机构代码证复印件"
        case .businessLicence: "工商执照复印件"
        case .responsiblePersonIdCopy: "运维负责人身份证复印件"
        case .principalIdCopy: "单位主要负责人身份证复印件"
        case .ownIdCopy: "本人身份证复印件"
        case .filingForm: "登记备案表"
        case .surveyReport: "调查报告"
        case .leadershipMeetingMinutes: "班子专题会议纪要"
        case .principalLeaderApproval: "主要领导批准文件"
        case .editorialTeamList: "主要领导、分管领导、编辑团队人员名单"
        case .reviewRules: "信息发布审核制度"
        case .securityMeasures: "网络安全管理措施"
        case .competentDepartmentConsent: "主管部门同意文件"
        case .unitConsent: "所在单位同意文件"
        case .newsLicence: "互联网新闻信息服务许可"
        case .other: "其他材料"
        }
    }
}
