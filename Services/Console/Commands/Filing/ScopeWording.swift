import BeianModel

/// A scope decision (备案范围) in words: the conditions met by name rather than by code, what
/// leaves the decision to staff, where a referred object is filed.
enum ScopeWording {
    /// A scope condition of the notices, in Chinese and English.
    static func condition(_ kind: ScopeConditionKind) -> (zh: String, en: String) { (kind.zh, kind.en) }

    /// The decision's explanation. In scope and staff review are worded here from the evidence
    /// (intake's summary names conditions by code); the others keep intake's own words.
    static func summary(_ decision: ScopeDecision) -> (zh: String, en: String) {
        switch decision.outcome {
        case .inScope:
            let met = conditions(decision.evidence.filter { !$0.ambiguous })
            return ("符合：" + met.map(\.zh).joined(separator: "、") + places(decision, zh: true),
                    "meets: " + met.map(\.en).joined(separator: "; ") + places(decision, zh: false))
        case .needsStaffReview:
            var zh: [String] = [], en: [String] = []
            if !decision.evidence.isEmpty, decision.evidence.allSatisfy(\.ambiguous) {
                let unsure = conditions(decision.evidence)
                zh.append("依据不确定（" + unsure.map(\.zh).joined(separator: "、") + places(decision, zh: true) + "）")
                en.append("the evidence is not conclusive (" + unsure.map(\.en).joined(separator: "; ") + ")")
            }
            if let threshold = decision.threshold, threshold.met == nil {
                zh.append("粉丝量不详（门槛\(threshold.minimumFollowers)）")
                en.append("follower count unknown (threshold \(threshold.minimumFollowers))")
            }
            if decision.summaryEn.contains("registration date") {
                zh.append("注册日期晚于今天")
                en.append("the registration date is after today")
            }
            guard !zh.isEmpty else { return (decision.summaryZh, decision.summaryEn) }
            return ("需工作人员判断：" + zh.joined(separator: "；"), "staff will decide: " + en.joined(separator: "; "))
        case .outOfScope, .referredElsewhere:
            return (decision.summaryZh, decision.summaryEn)
        }
    }

    /// Where to file a referred object: name and address.
    static func referral(_ decision: ScopeDecision) -> (zh: String, en: String)? {
        guard decision.outcome == .referredElsewhere, let target = decision.referral else { return nil }
        return ([target.nameZh, target.url].compactMap { $0 }.joined(separator: " "),
                [target.nameEn, target.url].compactMap { $0 }.joined(separator: " "))
    }

    /// The conditions of `evidence`, each once, in the order found.
    private static func conditions(_ evidence: [ScopeEvidence]) -> [(zh: String, en: String)] {
        var kinds: [ScopeConditionKind] = []
        for item in evidence where !kinds.contains(item.condition) { kinds.append(item.condition) }
        return kinds.map(condition)
    }

    /// The place names matched, `（地名：商南）`, or nothing.
    private static func places(_ decision: ScopeDecision, zh: Bool) -> String {
        var names: [String] = []
        for match in decision.evidence.compactMap(\.placeMatch) where !names.contains(match.matchedText) {
            names.append(match.matchedText)
        }
        guard !names.isEmpty else { return "" }
        return zh ? "（地名：\(names.joined(separator: "、"))）" : " (place: \(names.joined(separator: ", ")))"
    }
}

extension Output {
    /// `属于本办备案范围 — 符合：名称含本地地名（地名：商南）`.
    func scopeText(_ decision: ScopeDecision, of whose: String = "本办") -> String {
        let summary = ScopeWording.summary(decision)
        return label(decision.outcome, of: whose) + " — " + text(summary.zh, summary.en)
    }
}
