import BeianRPC

extension RPCError {
    /// An error whose message staff and operators read, in the house style: Chinese first, then
    /// English ("无权… / may not …"), as field violations' descriptions are.
    package init(_ code: RPCStatus.Code, zh: String, en: String) {
        self.init(code, "\(zh) / \(en)")
    }
}

extension StaffRole {
    /// The role's Chinese name (科员, 负责人, 审计员).
    package var zh: String {
        switch self {
        case .clerk: "科员"
        case .head: "负责人"
        case .auditor: "审计员"
        }
    }
}
