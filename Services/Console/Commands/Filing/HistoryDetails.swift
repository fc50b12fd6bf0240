import BeianModel
import IntakeService

/// The details of a history entry (办理记录), as intake records them (`change_date=2026-12-07`,
/// `changed_fields=object.name`), named in the chosen language: Chinese names and values in
/// Chinese output, intake's keys in English; each language without the other's texts.
extension Output {
    /// The details worth showing, in the order of `Self.detailNames`, as `name=value`.
    func historyDetails(_ details: [String: String]) -> [String] {
        let order = Dictionary(uniqueKeysWithValues: Self.detailNames.enumerated().map { ($1.key, $0) })
        return details.filter { !$0.value.isEmpty && !hiddenDetails.contains($0.key) }
            .filter { !($0.key == "days_late" && $0.value == "0") }
            .sorted { (order[$0.key] ?? .max, $0.key) < (order[$1.key] ?? .max, $1.key) }
            .map { historyDetail($0.key, $0.value) }
    }

    /// One detail `key=value`, with known keys and values named (`scope=in_scope` → 备案范围=属于本办备案范围).
    func historyDetail(_ key: String, _ value: String) -> String {
        guard language == .zh else { return "\(key)=\(value)" }
        let names = Dictionary(uniqueKeysWithValues: Self.detailNames.map { ($0.key, $0.zh) })
        return "\(names[key] ?? key)=\(detailValue(key, value))"
    }

    /// Details said in the other language (the target office's scope summary is recorded in both).
    private var hiddenDetails: Set<String> { language == .zh ? ["target_scope_en"] : ["target_scope_zh"] }

    /// Every key intake records in history (Handlers, Identity/PendingVerification, Runtime/DeadlineSweep), in
    /// the order shown.
    private static let detailNames: [(key: String, zh: String)] = [
        ("event", "事项"), ("decision", "决定"), ("filing_number", "备案号"), ("change_date", "变更日期"),
        ("changed_fields", "变更事项"), ("closure_date", "注销日期"), ("fields", "需补正"), ("object_kind", "对象类型"),
        ("scope", "备案范围"), ("scope_override", "范围判断"), ("verification", "身份核验"), ("result", "核验结果"),
        ("timeliness", "时限"), ("due_date", "截止日期"), ("days_late", "逾期天数"), ("filed_date", "办理日期"),
        ("from_office", "来源网信办"), ("from_filing_id", "原备案编号"), ("target_office", "转往"),
        ("target_filing_id", "对方备案编号"), ("target_scope", "对方备案范围"), ("target_scope_zh", "对方范围说明"),
        ("target_scope_en", "对方范围说明（英文）"), ("target_scope_overridden", "不采纳对方范围判断"),
        ("reason", "原因"), ("kind", "材料"), ("filename", "文件名"), ("media_type", "类型"), ("size", "大小"),
        ("sha256", "SHA-256"), ("status", "状态"),
    ]

    private func detailValue(_ key: String, _ value: String) -> String {
        switch key {
        case "object_kind": ObjectKind(rawValue: value)?.zh ?? value
        case "scope": ScopeOutcome(rawValue: value).map { label($0) } ?? value
        case "target_scope": ScopeOutcome(rawValue: value).map { label($0, of: "对方网信办") } ?? value
        case "verification", "result": VerificationState(rawValue: value).map(shortLabel) ?? value
        case "timeliness": Timeliness(rawValue: value).map(label) ?? value
        case "status": FilingStatus(rawValue: value)?.zh ?? value
        case "kind": MaterialKind(rawValue: value)?.zh ?? value
        case "event": DeadlineEvent(rawValue: value).map(label) ?? action(value)
        case "decision": action(value)
        case "changed_fields", "fields": fieldNames(value)
        case "days_late": "\(value)天"
        case "size": "\(value)字节"
        case "target_scope_overridden": value == "true" ? "是" : value
        case "scope_override" where value == "accepted_by_sending_office": "按转出网信办的决定接收"
        default: value
        }
    }
}
