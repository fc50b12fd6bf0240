import BeianModel
import IntakeService

/// The survey statistics as terminal tables (zh/en).
extension Output {
    /// The report: scope line, totals, each distribution (lines with a count), the problem counts,
    /// and the first `problems` problem filings.
    func show(_ report: StatisticsResponse, problems limit: Int) {
        let statistics = report.statistics
        line(text("\(report.officeName)（\(report.officeCode)）备案统计", "Filing statistics of \(report.officeCode) "
                  + "\(report.officeName)"))
        var scope = [field("统计日期", "as of", report.generatedOn.iso)]
        if let local = report.localOffice {
            scope.append(field("属地", "local office", local.isEmpty ? text("本办直接受理", "the office itself") : local))
        }
        if report.submittedFrom != nil || report.submittedTo != nil {
            let range = "\(report.submittedFrom?.iso ?? "…")–\(report.submittedTo?.iso ?? "…")"
            scope.append(field("提交日期", "submitted", range))
        }
        line(scope.joined(separator: "  "))
        line()
        line(text("总体情况", "Overview"))
        var totals = TextTable([text("项目", "item"), text("数量", "count")])
        totals.add([text("备案总数", "filings"), String(statistics.total)])
        totals.add([text("已注销（关闭）", "closed"), String(statistics.closed)])
        totals.add([text("已移交其他网信办（不计入总数）", "transferred out (not counted)"), String(statistics.transferredOut)])
        totals.lines(indent: "  ").forEach { line($0) }
        let dimensions: [(String, String, [LabeledCount])] = [
            ("按对象类型", "by object kind", statistics.byObjectKind),
            ("按属地网信办", "by local office", statistics.byLocalOffice),
            ("按平台（新媒体账号）", "by platform (accounts)", statistics.byPlatform),
            ("按开设主体", "by operator", statistics.byOperator),
            ("政务与非政务", "government or not", statistics.byGovernment),
            ("按业务范围（可多选）", "by business scope (several per account)", statistics.byBusinessScope),
            ("按网站类型", "by site type", statistics.bySiteType),
            ("按备案状态", "by status", statistics.byStatus),
            ("按备案时限", "by timeliness", statistics.byTimeliness),
        ]
        for (zh, en, counts) in dimensions {
            let shown = counts.filter { $0.count > 0 }
            guard !shown.isEmpty else { continue }
            line()
            line(text(zh, en))
            var table = TextTable([text("类别", "category"), text("数量", "count")])
            for count in shown { table.add([label(count, dimension: en), String(count.count)]) }
            table.lines(indent: "  ").forEach { line($0) }
        }
        line()
        line(text("逾期和缺漏", "Late and incomplete"))
        var issues = TextTable([text("项目", "item"), text("数量", "count")])
        issues.add([text("逾期备案", "filed late"), String(statistics.late)])
        issues.add([text("退回补正后逾期未重新提交", "returned, past due, not resubmitted"), String(statistics.overdue)])
        issues.add([text("退回补正尚未重新提交", "returned, not resubmitted"), String(statistics.returnedNotResubmitted)])
        issues.add([text("已备案但缺少材料", "accepted, materials missing"), String(statistics.acceptedMissingMaterials)])
        issues.add([text("身份待核验", "identity pending"), String(statistics.pendingVerification)])
        issues.lines(indent: "  ").forEach { line($0) }
        guard !statistics.problems.isEmpty, limit > 0 else { return }
        line()
        line(text("问题备案（问题说明为中文）", "Filings with problems (problems in Chinese)"))
        var table = TextTable([text("备案编号", "filing id"), text("名称", "name"), text("备案人", "operator"),
                               text("属地", "local office"), text("问题", "problems")])
        for problem in statistics.problems.prefix(limit) {
            table.add([problem.filingId, problem.accountName, problem.operatorName, problem.localOffice,
                       problem.problems.joined(separator: "；")])
        }
        table.lines(indent: "  ").forEach { line($0) }
        let more = statistics.problems.count - min(limit, statistics.problems.count)
        if more > 0 || statistics.problemsTruncated {
            line(text("  另有\(more)条\(statistics.problemsTruncated ? "以上" : "")（--json 或 --html 可见全部）",
                      "  \(more)\(statistics.problemsTruncated ? "+" : "") more (see --json or --html)"))
        }
    }

    /// A distribution line's label: the Chinese label, or in English the wire value.
    private func label(_ count: LabeledCount, dimension: String) -> String {
        guard language == .en else { return count.label }
        if dimension == "by local office" {
            return count.key.isEmpty ? "the office itself (\(count.label))" : "\(count.key) \(count.label)"
        }
        if count.key.hasPrefix("other:") { return "other (\(count.key.dropFirst("other:".count)))" }
        let words = count.key.replacingOccurrences(of: "_", with: " ")
        return dimension == "by operator" && count.key != "individual" ? "unit: " + words : words
    }
}
