import BeianModel

/// The receiving office's decision on a transfer (接收移交) by its own scope rules: it accepts
/// what it files itself (in scope, or for its staff to decide) and refuses, with its decision,
/// what those rules refuse (out of scope, or to be filed elsewhere), unless the sending head
/// confirmed the transfer (`accept_out_of_scope`).
package enum TransferScopeDecision: Hashable, Sendable {
    /// Accepted: this office files it.
    case accept
    /// Accepted although this office's rules refuse it: the sending head confirmed.
    case acceptOverridden(ScopeRefusal)
    /// Refused: nothing is created here.
    case refuse(ScopeRefusal)

    /// The decision on a transfer this office's scope check decides as `scope`.
    package init(scope: ScopeDecision, acceptOutOfScope: Bool) {
        guard let refusal = ScopeRefusal.check(scope) else {
            self = .accept
            return
        }
        self = acceptOutOfScope ? .acceptOverridden(refusal) : .refuse(refusal)
    }

    /// The `scope_override` note of the `receive_transfer` entry, or nil when no rule was overridden.
    package var scopeOverride: String? {
        if case .acceptOverridden = self { "accepted_by_sending_office" } else { nil }
    }

    /// This office's (`office`) words refusing a transfer for `decision`.
    package static func refusal(_ decision: ScopeDecision, office: String) -> (zh: String, en: String) {
        ("该备案\(decision.outcome.transferZh(office: office))：\(decision.summaryZh)",
         "office \(office)'s scope check: \(decision.outcome.rawValue): " + decision.summaryEn)
    }

    /// The sending office's words for target office `office` refusing the transfer for
    /// `decision`: nothing was transferred, and how the head may confirm it all the same.
    package static func refusedByTarget(_ decision: ScopeDecision, office: String) -> (zh: String, en: String) {
        ("网信办\(office)审查认为该备案\(decision.outcome.transferZh(office: office))："
            + "\(decision.summaryZh)。未移交。如经核实确属该办管辖，负责人可确认后再次移交"
            + "（override_target_scope: true；命令行：beian filing transfer … --override-scope）",
         "office \(office)'s scope check finds the filing \(decision.outcome.rawValue): "
            + "\(decision.summaryEn). Nothing was transferred; if it is that office's all the same, the "
            + "head may transfer it again with override_target_scope: true")
    }
}

extension ScopeOutcome {
    /// The outcome in Chinese, naming the office whose decision it is (transfers between offices).
    package func transferZh(office: String) -> String {
        switch self {
        case .inScope: "属于网信办\(office)的备案范围"
        case .outOfScope: "不属于网信办\(office)的备案范围"
        case .referredElsewhere: "不在网信办\(office)备案（应到其他平台备案）"
        case .needsStaffReview: "须由网信办\(office)工作人员判断是否属于其备案范围"
        }
    }
}
