import BeianModel

/// Chinese labels of values the model leaves without one (exports and reports).
package enum IntakeLabels {
    /// 集中备案期内 / 按期 / 逾期备案 ... (`Timeliness.zh`, the words every output uses).
    package static func timeliness(_ value: Timeliness) -> String { value.zh }

    /// 待核验 / 已核验 / 核验未通过.
    package static func verification(_ value: VerificationState) -> String {
        switch value {
        case .pending: "待核验"
        case .verified: "已核验"
        case .invalid: "核验未通过"
        }
    }

    /// 单位 / 个人.
    package static func operatorKind(_ value: OperatorKind) -> String { value.zh }

    /// 新开通 / 变更 / 注销 / 政务新媒体审批.
    package static func event(_ value: DeadlineEvent) -> String {
        switch value {
        case .newAccount: "新开通"
        case .change: "变更"
        case .closure: "注销"
        case .governmentMediaApproval: "政务新媒体审批"
        }
    }

    /// 政务 / 非政务.
    package static func government(_ value: Bool) -> String { value ? "政务" : "非政务" }

    /// The platform's name; for `other`, the name the operator gave.
    package static func platform(_ account: PlatformAccount) -> String {
        account.platform == .other ? (account.otherPlatformName.map { "其他（\($0)）" } ?? "其他") : account.platform.zh
    }

    /// The local office's name, or the office's own for filings it handles itself.
    package static func localOffice(_ id: String?, profile: PolicyProfile) -> String {
        guard let id else { return profile.nameZh }
        return profile.localOffices.first { $0.id == id }?.nameZh ?? id
    }

    /// The operator's name as lists for other services show it: an individual's masked (张**), a unit's whole.
    package static func maskedOperatorName(_ op: Operator) -> String {
        switch op {
        case .unit(let unit): unit.name
        case .individual(let person): Masking.name(person.name)
        }
    }
}
