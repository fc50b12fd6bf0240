import BeianModel
import IntakeService

/// A filing's history (办理记录) in words: intake records actions, actors and details as codes
/// (`submit`, `clerk 李娜@611000`, `scope=in_scope`); these name them in the chosen language.
extension Output {
    /// One history entry: time, action, version, actor, details.
    func historyLine(_ entry: FilingHistoryEntry) -> String {
        let version = entry.version.map { text(" 第\($0)版", " v\($0)") } ?? ""
        let details = historyDetails(entry.details)
        return ([time(entry.at), action(entry.action) + version, actor(entry.actor)] + details)
            .joined(separator: "  ")
    }

    /// An action of the history (`submit` → 提交).
    func action(_ code: String) -> String {
        let names: [String: (String, String)] = [
            "submit": ("提交", "submitted"), "verify": ("身份核验", "identity checked"),
            "accept": ("准予备案", "accepted"), "accept_change": ("确认变更", "change confirmed"),
            "return_for_correction": ("退回补正", "returned for correction"), "reject": ("不予备案", "rejected"),
            "resubmit": ("补正后重新提交", "resubmitted"), "report_change": ("报告变更", "change reported"),
            "close": ("注销", "closed"), "withdraw": ("撤回", "withdrawn"),
            "attach_material": ("上传材料", "material uploaded"), "transfer_out": ("转出", "transferred out"),
            "receive_transfer": ("转入", "transferred in"),
        ]
        if let name = names[code] { return text(name.0, name.1) }
        if code.hasPrefix("deadline_"), let timeliness = Timeliness(rawValue: String(code.dropFirst(9))) {
            return text("时限：", "deadline: ") + label(timeliness)
        }
        return code
    }

    /// Who acted: `operator` → 备案人, `clerk 李娜@611000` → 科员 李娜@611000, a service by its name.
    func actor(_ code: String) -> String {
        if code == "operator" || code.hasPrefix("operator of ") { return text("备案人", "operator") }
        let roles = ["clerk": "科员", "head": "科长", "auditor": "审计员"]
        if let space = code.firstIndex(of: " "), let role = roles[String(code[..<space])] {
            return text(role, String(code[..<space])) + code[space...]
        }
        let services = ["service intake (identity verification)": "系统（身份核验）",
                        "service intake (deadline watch)": "系统（时限检查）"]
        if let name = services[code] { return text(name, code) }
        // `service intake@611000 (transfer)`: received from office 611000.
        if code.hasPrefix("service intake@"), code.hasSuffix(" (transfer)") {
            let office = code.dropFirst("service intake@".count).dropLast(" (transfer)".count)
            return text("系统（网信办\(office)移交）", code)
        }
        return code
    }
}
