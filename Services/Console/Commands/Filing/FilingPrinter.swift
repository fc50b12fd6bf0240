import BeianJSON
import BeianModel
import IntakeService

/// Readable (zh/en) renderings of intake's answers.
extension Output {
    /// A submission receipt, with the access code set apart: it is shown only once.
    func show(_ receipt: SubmissionReceipt) {
        line(field("备案编号", "Filing id", receipt.filingId))
        line(String(repeating: "=", count: 60))
        line("  " + field("查询码", "Access code", receipt.accessCode))
        line("  " + text("仅显示这一次，请妥善保存：查询、变更、注销都要用备案编号和查询码。",
                         "Shown only this once: keep it; status, changes and closure need the filing id and this code."))
        line(String(repeating: "=", count: 60))
        line(field("状态", "Status", label(receipt.status)))
        line(field("身份核验", "Identity", label(receipt.verification)))
        line(field("备案范围", "Scope", scopeText(receipt.scope)))
        if let local = receipt.localOfficeCode { line(field("属地网信办", "Local office", local)) }
        if let deadline = receipt.deadline { line(field("时限", "Deadline", deadlineText(deadline))) }
        if !receipt.missingMaterials.isEmpty {
            line(field("需补交材料", "Materials missing", materialsText(receipt.missingMaterials)))
        }
        line(text(receipt.noticeZh, receipt.noticeEn))
    }

    /// The outcome of a review, change or closure.
    func show(_ outcome: FilingOutcome) {
        line(field("备案编号", "Filing id", outcome.filingId))
        line(field("状态", "Status", label(outcome.status)) + "  " + field("版本", "version", String(outcome.version)))
        if let number = outcome.filingNumber { line(field("备案号", "Filing number", number)) }
        line(field("身份核验", "Identity", label(outcome.verification)))
        if let deadline = outcome.deadline { line(field("时限", "Deadline", deadlineText(deadline))) }
        if let note = outcome.staffNote { line(field("审核意见", "Staff note", staffNoteText(note))) }
        if !outcome.corrections.isEmpty {
            line(text("需补正：", "To correct:"))
            violationLines(outcome.corrections).forEach { line($0) }
        }
    }

    /// A whole filing: status, object, operator, decisions and history.
    func show(_ view: FilingView) {
        let filing = view.filing
        line(field("备案编号", "Filing id", filing.id) + "  " + field("版本", "version", String(filing.version)))
        line(field("状态", "Status", label(filing.status)))
        if let number = filing.filingNumber { line(field("备案号", "Filing number", number)) }
        var object = "\(filing.object.name) (\(text(filing.object.kind.zh, filing.object.kind.rawValue))"
        if case .account(let account) = filing.object {
            object += text("，", ", ") + label(account.platform)
            if let followers = account.followers { object += text("，粉丝\(followers)", ", \(followers) followers") }
        }
        line(field("备案对象", "Object", object + ")"))
        if case .website(let site) = filing.object {
            line("  " + field("域名", "Domain", site.domain) + "  " + field("网站类型", "site type", label(site.siteType))
                 + "  " + field("托管方式", "hosting", label(site.hosting)))
        }
        line(field("备案人", "Operator", "\(filing.operator.name) (\(label(filing.operator.kind)))"))
        switch filing.operator {
        case .individual(let person):
            line("  " + field("身份证号", "ID number", person.idNumber) + "  " + field("手机", "mobile", person.mobile))
        case .unit(let unit):
            if let code = unit.creditCode ?? unit.organizationCode { line("  " + field("统一社会信用代码", "Credit code", code)) }
            let person = unit.responsiblePerson
            line("  " + field("负责人", "Responsible", person.name) + "  " + field("身份证号", "ID number", person.idNumber)
                 + "  " + field("手机", "mobile", person.mobile))
        }
        if let local = filing.localOfficeCode { line(field("属地网信办", "Local office", local)) }
        line(field("身份核验", "Identity", label(view.verification.state)))
        line(field("备案范围", "Scope", scopeText(view.scope)))
        if let deadline = view.deadline { line(field("时限", "Deadline", deadlineText(deadline))) }
        if !view.missingMaterials.isEmpty {
            line(field("需补交材料", "Materials missing", materialsText(view.missingMaterials)))
        }
        if let note = filing.staffNote { line(field("审核意见", "Staff note", staffNoteText(note))) }
        if !view.corrections.isEmpty {
            line(text("需补正：", "To correct:"))
            violationLines(view.corrections).forEach { line($0) }
        }
        if filing.status == .returnedForCorrection { resubmitHint(filing.id).forEach { line($0) } }
        line(field("提交时间", "Submitted", time(view.submittedAt)) + "  "
             + field("更新", "updated", time(view.updatedAt)))
        guard !view.history.isEmpty else { return }
        line(text("办理记录：", "History:"))
        for entry in view.history { line("  " + historyLine(entry)) }
    }

    /// How to resubmit a returned filing: the command line.
    func resubmitHint(_ id: String?) -> [String] {
        let receipt = text("回执文件", "RECEIPT.json"), form = text("改正后的表单参数", "corrected form flags")
        return [text("改正后重新提交（整张表单，参数同 submit）：beian filing resubmit --receipt \(receipt) \(form)",
                     "to resubmit, file the whole corrected form (flags as for submit): "
                        + "beian filing resubmit --receipt \(receipt) \(form)")]
            + (id.map { ["  " + text("或", "or") + " beian filing resubmit --filing-id \($0) --access-code "
                         + text("查询码", "CODE") + " " + form] } ?? [])
    }

    /// One row of a staff list.
    func listRow(_ row: FilingSummary) -> String {
        var columns = [row.filingId, label(row.status), row.accountName, label(row.platform),
                       "\(row.operatorName)(\(label(row.operatorKind)))", row.idNumberMasked,
                       shortLabel(row.verification)]
        if let timeliness = row.timeliness { columns.append(label(timeliness)) }
        if let number = row.filingNumber { columns.append(number) }
        if row.reviewNeeded { columns.append(text("待判断范围", "scope review")) }
        columns.append(row.submittedOn.iso)
        return columns.joined(separator: "  ")
    }

    /// The answer of a scope pre-check.
    func show(_ check: ScopeCheckResponse) {
        line(field("网信办", "Office", check.officeCode))
        line(field("备案范围", "Scope", scopeText(check.scope)))
        line(field("能否受理", "Would file", check.wouldFile ? text("能", "yes") : text("不能", "no")))
        for refusal in check.refusals ?? [] {
            line(field("不能受理", "Refused", text(refusal.messageZh, refusal.messageEn)))
        }
        if let threshold = check.scope.threshold {
            line(field("粉丝门槛", "Follower threshold", threshold.wording))
        }
        if let place = ScopeWording.referral(check.scope) {
            line(field("应到此备案", "File with", text(place.zh, place.en)))
        }
        // A deadline and materials only mean something where the object can be filed.
        guard check.wouldFile else { return }
        if let local = check.localOfficeCode { line(field("属地网信办", "Local office", local)) }
        if let deadline = check.deadline { line(field("时限", "Deadline", deadlineText(deadline))) }
        if !check.missingMaterials.isEmpty {
            line(field("需提交材料", "Materials needed", materialsText(check.missingMaterials)))
        }
        if !check.conditionalMaterials.isEmpty {
            line(field("视情况需要", "Materials if applicable", materialsText(check.conditionalMaterials)))
        }
    }
}
