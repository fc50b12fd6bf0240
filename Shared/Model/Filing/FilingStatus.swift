/// Status of a filing (备案状态).
package enum FilingStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// 草稿: being written, not yet sent.
    case draft
    /// 已提交: waiting for staff.
    case submitted
    /// 退回补正: returned to the operator for correction.
    case returnedForCorrection = "returned_for_correction"
    /// 已备案: accepted, with a filing number.
    case accepted
    /// 不予备案: rejected (e.g. out of scope).
    case rejected
    /// 已变更: filed information changed and re-filed, waiting for staff to confirm.
    case changed
    /// 已注销: cancelled (withdrawn before acceptance, or closed after).
    case cancelled

    /// No further event is allowed.
    package var isTerminal: Bool { self == .rejected || self == .cancelled }

    /// Chinese label.
    package var zh: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "已提交"
        case .returnedForCorrection: "退回补正"
        case .accepted: "已备案"
        case .rejected: "不予备案"
        case .changed: "已变更"
        case .cancelled: "已注销"
        }
    }
}

/// Something that happens to a filing.
package enum FilingEvent: Hashable, Sendable {
    /// The operator submits the draft.
    case submit
    /// Staff return it for correction, with the reason.
    case returnForCorrection(reason: String)
    /// The operator resubmits after correcting.
    case resubmit
    /// Staff accept it and assign the filing number.
    case accept(filingNumber: String)
    /// Staff reject it, with the reason.
    case reject(reason: String)
    /// The operator reports a change to filed information.
    case reportChange(ChangeFacts)
    /// Staff confirm a reported change (the filing number stays).
    case acceptChange
    /// The object was closed (注销); the filing ends.
    case close(ClosureFacts)
    /// The operator withdraws before acceptance.
    case withdraw

    /// Stable snake_case name, recorded in versions.
    package var name: String {
        switch self {
        case .submit: "submit"
        case .returnForCorrection: "return_for_correction"
        case .resubmit: "resubmit"
        case .accept: "accept"
        case .reject: "reject"
        case .reportChange: "report_change"
        case .acceptChange: "accept_change"
        case .close: "close"
        case .withdraw: "withdraw"
        }
    }

    /// The Chinese name of the event called `name` (`report_change` → 变更备案), or `name` itself.
    package static func zh(name: String) -> String {
        switch name {
        case "submit": "提交备案"
        case "return_for_correction": "退回补正"
        case "resubmit": "补正后重新提交"
        case "accept": "准予备案"
        case "reject": "不予备案"
        case "report_change": "变更备案"
        case "accept_change": "确认变更"
        case "close": "注销备案"
        case "withdraw": "撤回"
        case "transfer": "移交"
        default: name
        }
    }
}

/// A transition the state machine refuses.
package struct FilingTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable code: `transition_not_allowed`, `filing_number_required`, `reason_required`.
    package let code: String
    /// The status the filing was in.
    package let from: FilingStatus
    /// The event's name.
    package let event: String
    /// Explanation (English).
    package let message: String

    /// Text for logs and messages.
    package var description: String { "\(code): \(message)" }
}
