/// The words staff read for a timeliness, one set everywhere (lists, exports, statistics, the
/// printed report), and the words they may type for it (those and older or shorter synonyms).
extension Timeliness: ChineseNamed {
    /// 集中备案期内 / 按期 / 逾期备案 / 未到期 / 已逾期未备案 / 无时限 / 期限待定.
    package var zh: String {
        switch self {
        case .early: "集中备案期内"
        case .onTime: "按期"
        case .late: "逾期备案"
        case .pending: "未到期"
        case .overdue: "已逾期未备案"
        case .noDeadline: "无时限"
        case .undetermined: "期限待定"
        }
    }

    /// Other words people use for a timeliness (earlier console wording among them).
    static let synonyms: [String: Timeliness] = [
        "集中备案期": .early, "提前": .early, "提前备案": .early,
        "按时": .onTime, "按期备案": .onTime, "按时备案": .onTime,
        "逾期": .late, "超期备案": .late,
        "已逾期未办": .overdue, "逾期未办": .overdue, "逾期未备案": .overdue,
        "无时限要求": .noDeadline, "无期限": .noDeadline,
        "待定": .undetermined,
    ]

    /// The timeliness `text` names: its wire value (`on_time`, any case), its Chinese word (按期)
    /// or a synonym (按时, 逾期 …); nil otherwise.
    package static func named(_ text: String) -> Timeliness? {
        let cleaned = TextNormalization.text(text)
        if let value = Timeliness(rawValue: cleaned.lowercased()) { return value }
        return allCases.first { $0.zh == cleaned } ?? synonyms[cleaned]
    }
}
