import BeianModel

/// Builds the filing of a new submission: one version, number 1, event `submit`, status
/// `submitted` (the draft stage happens on the operator's side and is not kept).
package enum NewFiling {
    /// The submitted filing.
    package static func make(id: String, officeCode: String, localOfficeCode: String?, content: FilingContent,
                             by actor: String, at time: Timestamp) throws(FilingTransitionError) -> Filing {
        let draft = Filing(id: id, officeCode: officeCode, localOfficeCode: localOfficeCode, content: content,
                           by: actor, at: time)
        var filing = try draft.applying(.submit, by: actor, at: time)
        filing.versions = filing.versions.dropFirst().map { version in
            var first = version
            first.number = 1
            return first
        }
        return filing
    }
}

/// Staff review decisions (审核意见) as the state machine's events.
package enum ReviewDecision: String, Sendable, Hashable, CaseIterable {
    /// 准予备案 (or confirm a reported change).
    case accept
    /// 退回补正.
    case returnForCorrection = "return_for_correction"
    /// 不予备案.
    case reject

    /// Staff corrections as field violations (rule `staff_correction` unless given), each with
    /// both language texts (one reason fills both when only one is given). Violations of the
    /// request itself are added to `list` under `corrections[i]`.
    package static func corrections(_ requests: [CorrectionRequest], into list: inout ViolationList) -> [FieldViolation] {
        var result: [FieldViolation] = []
        for (index, request) in requests.enumerated() {
            let path = "corrections[\(index)]"
            let field = list.requiredText(request.field, "\(path).field", "字段", "Field", maxLength: 200)
            let reason = request.reason.map(TextNormalization.text).flatMap { $0.isEmpty ? nil : $0 }
            let zh = request.zh.map(TextNormalization.text).flatMap { $0.isEmpty ? nil : $0 } ?? reason
            let en = request.en.map(TextNormalization.text).flatMap { $0.isEmpty ? nil : $0 } ?? reason
            guard let zh, let en else {
                list.required("\(path).reason", "补正原因", "Reason")
                continue
            }
            if let field {
                result.append(FieldViolation(field: field, rule: request.rule ?? "staff_correction",
                                             messageZh: zh, messageEn: en))
            }
        }
        return result
    }

    /// The reason shown with a return: the staff's summary, else the corrections joined.
    package static func returnReason(summary: String?, corrections: [FieldViolation]) -> String {
        if let summary = summary.map(TextNormalization.text), !summary.isEmpty { return summary }
        return corrections.map { "\($0.field): \($0.messageZh)" }.joined(separator: "；")
    }
}
