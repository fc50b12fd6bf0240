/// One step of an office's sanction ladder (处置措施), in the notice's order and words.
package struct SanctionStep: Hashable, Sendable, Codable {
    /// The measure.
    package var measure: SanctionMeasure
    /// The notice's words for it.
    package var wording: String
    /// Taken together with the platform or other departments (会同有关部门).
    package var withOtherDepartments: Bool?
}

/// Sanction measures named in the five notices.
package enum SanctionMeasure: String, Hashable, Sendable, Codable, CaseIterable {
    /// 公示.
    case publicNotice = "public_notice"
    /// 约谈.
    case interview
    /// 警告.
    case warning
    /// 限制发布.
    case restrictPublishing = "restrict_publishing"
    /// 暂停更新.
    case suspendUpdates = "suspend_updates"
    /// 责令删除.
    case orderDelete = "order_delete"
    /// 通报 (circular naming the account or unit).
    case circular
    /// 责令关闭.
    case orderClose = "order_close"
    /// 永久关闭.
    case permanentClosure = "permanent_closure"
    /// 关停处理 (Shangluo).
    case shutDown = "shut_down"
    /// 依法查处 (investigation and penalty under the cited regulations).
    case investigate
    /// 问责 (party discipline accountability, Gejiu art. 20).
    case accountability
    /// 依法处理 (handled under the law, unspecified; Xingtai).
    case handleByLaw = "handle_by_law"

    /// Chinese label.
    package var zh: String {
        switch self {
        case .publicNotice: "公示"
        case .interview: "约谈"
        case .warning: "警告"
        case .restrictPublishing: "限制发布"
        case .suspendUpdates: "暂停更新"
        case .orderDelete: "责令删除"
        case .circular: "通报"
        case .orderClose: "责令关闭"
        case .permanentClosure: "永久关闭"
        case .shutDown: "关停"
        case .investigate: "查处"
        case .accountability: "问责"
        case .handleByLaw: "依法处理"
        }
    }
}
