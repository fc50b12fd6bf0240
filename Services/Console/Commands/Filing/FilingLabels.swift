import BeianModel
import IntakeService

/// Readable names of intake's enum values in the chosen language.
extension Output {
    func label(_ status: FilingStatus) -> String { text(status.zh, status.rawValue) }

    func label(_ state: VerificationState) -> String {
        switch state {
        case .pending: text("待核验（身份核验服务恢复后自动进行）", "pending (runs when the identity service answers)")
        case .verified: text("已核验", "verified")
        case .invalid: text("核验未通过", "invalid")
        }
    }

    /// Verification in a word or two (lists).
    func shortLabel(_ state: VerificationState) -> String {
        switch state {
        case .pending: text(IntakeLabels.verification(state), "identity pending")
        case .verified: text(IntakeLabels.verification(state), "verified")
        case .invalid: text(IntakeLabels.verification(state), "identity invalid")
        }
    }

    /// The scope outcome of this office (本办), or of another whose decision it is (`网信办440783`).
    func label(_ outcome: ScopeOutcome, of whose: String = "本办") -> String {
        switch outcome {
        case .inScope: text("属于\(whose)备案范围", "in scope")
        case .outOfScope: text("不属于\(whose)备案范围", "out of scope")
        case .referredElsewhere: text("应向其他平台备案", "referred elsewhere")
        case .needsStaffReview: text("需工作人员判断是否属于备案范围", "staff will decide on scope")
        }
    }

    func label(_ timeliness: Timeliness) -> String {
        // The Chinese words are intake's (exports, statistics, the printed report say the same).
        let english = switch timeliness {
        case .early: "early"
        case .onTime: "on time"
        case .late: "late"
        case .pending: "not yet due"
        case .overdue: "overdue"
        case .noDeadline: "no deadline"
        case .undetermined: "undetermined (rest days not loaded)"
        }
        return text(timeliness.zh, english)
    }

    /// What a deadline counts from: 新开账号, 变更, 注销, 政务新媒体审批.
    func label(_ event: DeadlineEvent) -> String {
        switch event {
        case .newAccount: text("新开账号", "new account")
        case .change: text("变更", "change")
        case .closure: text("注销", "closure")
        case .governmentMediaApproval: text("政务新媒体审批", "government-media approval")
        }
    }

    func label(_ platform: Platform?) -> String {
        guard let platform else { return "-" }
        return text(platform.zh, platform.rawValue)
    }

    func label(_ kind: OperatorKind) -> String { text(kind.zh, kind.rawValue) }

    func label(_ hosting: Hosting) -> String { text(hosting.zh, hosting.rawValue) }

    func label(_ type: SiteType) -> String { text(type.zh, type.rawValue) }

    /// A deadline assessment in one line: due date, timeliness, days late, explanation.
    func deadlineText(_ deadline: DeadlineAssessment) -> String {
        var parts: [String] = []
        if let due = deadline.dueDate { parts.append(text("截止\(due.iso)", "due \(due.iso)")) }
        parts.append(label(deadline.timeliness))
        if let late = deadline.daysLate, late > 0 { parts.append(text("逾期\(late)天", "\(late) day(s) late")) }
        let explanation = text(deadline.explanationZh, deadline.explanationEn)
        return parts.joined(separator: text("，", ", ")) + (explanation.isEmpty ? "" : " — \(explanation)")
    }

    /// Missing materials as one line.
    func materialsText(_ rules: [MaterialRule]) -> String {
        rules.map { rule in
            text(rule.wording, rule.anyOf.map(MaterialKindNames.english).joined(separator: " or "))
        }.joined(separator: text("；", "; "))
    }

    /// Field violations (model form) as indented lines.
    func violationLines(_ violations: [BeianModel.FieldViolation]) -> [String] {
        violations.map { "  \(fieldName($0.field))\(text("：", ": "))\(text($0.messageZh, $0.messageEn))" }
    }

    /// A time in China (UTC+8), to the second: `2021-05-20 14:03:07`.
    func time(_ timestamp: Timestamp) -> String {
        let shifted = Timestamp(millisecondsSinceEpoch: timestamp.millisecondsSinceEpoch + 8 * 3_600_000).iso
        return String(shifted.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    /// A "label: value" line with the label padded for alignment.
    func field(_ zh: String, _ en: String, _ value: String) -> String {
        "\(text(zh, en))\(text("：", ": "))\(value)"
    }
}
