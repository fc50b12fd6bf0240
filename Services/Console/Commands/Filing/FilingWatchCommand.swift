import BeianRPC
import IntakeService

/// `beian filing watch`: filings overdue or due soon (时限监测; staff).
enum FilingWatchCommand: ConsoleCommand {
    static let name = "watch"
    static let summary = "filings overdue or due within N days, as a table (staff)"
    static let usage = """
        beian filing watch [ADDR] [--within-days N] [--include-late] [--local-office CODE | --local-office ""]
                           [--limit N] [--json] [--lang en]

          Lists the filings whose deadline has passed without a filing (overdue: returned for correction and
          not resubmitted in time) and those due within N days (default 7), earliest due date first
          (DeadlineWatch; any staff certificate). --include-late adds the filings that were filed after their
          due date. Each row: state, due date, days late or left, the event (new account, change, closure),
          filing id, name, platform, operator and mobile (masked), local office. --limit N: at most N rows
          (default 500).
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(["within-days", "local-office",
                                                                                     "limit"]),
                                      flags: ["json", "include-late"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        guard intake.rest.isEmpty else { throw ConsoleError.unexpectedArgument(intake.rest[0]) }
        let request = DeadlineWatchRequest(withinDays: try arguments.integer("within-days"),
                                           includeLate: arguments.flag("include-late") ? true : nil,
                                           localOffice: arguments.value("local-office"),
                                           limit: try arguments.integer("limit"))
        return await IntakeConnection.reporting(output) { () throws(RPCError) in
            let watch = try await intake.call("DeadlineWatch", request, as: DeadlineWatchResponse.self)
            output.json ? output.json(watch) : output.show(watch)
        }
    }
}

/// The deadline watch as a table.
extension Output {
    func show(_ watch: DeadlineWatchResponse) {
        line(text("\(watch.today.iso) 时限监测（\(watch.officeCode)）：已逾期\(watch.overdue)件，"
                    + "\(watch.withinDays)天内到期\(watch.dueSoon)件" + (watch.late > 0 ? "，逾期备案\(watch.late)件" : ""),
                  "Deadlines on \(watch.today.iso) (\(watch.officeCode)): \(watch.overdue) overdue, "
                    + "\(watch.dueSoon) due "
                    + "within \(watch.withinDays) day(s)" + (watch.late > 0 ? ", \(watch.late) filed late" : "")))
        guard !watch.items.isEmpty else {
            line(text("没有逾期或即将到期的备案", "Nothing overdue or due soon"))
            return
        }
        var table = TextTable([text("情况", "state"), text("截止日期", "due"), text("天数", "days"),
                               text("事项", "event"), text("备案编号", "filing id"), text("名称", "name"),
                               text("平台", "platform"), text("备案人", "operator"), text("手机", "mobile"),
                               text("属地", "local office")])
        for item in watch.items {
            table.add([state(item.state), item.dueDate.iso, days(item), text(item.eventZh, item.event.rawValue),
                       item.filingId, item.accountName, label(item.platform),
                       "\(item.operatorName)(\(label(item.operatorKind)))", item.mobileMasked, item.localOfficeName])
        }
        table.lines().forEach { line($0) }
        if watch.truncated {
            line(text("（仅列出前\(watch.items.count)条，用 --limit 调整）", "(first \(watch.items.count) only; see --limit)"))
        }
    }

    private func state(_ state: OpenDeadlines.State) -> String {
        switch state {
        case .overdue: text("已逾期", "overdue")
        case .dueSoon: text("即将到期", "due soon")
        case .late: text("逾期备案", "filed late")
        }
    }

    private func days(_ item: DeadlineWatchItem) -> String {
        if let late = item.daysLate { return text("逾期\(late)天", "\(late) late") }
        if let left = item.daysRemaining { return text("剩\(left)天", "\(left) left") }
        return "-"
    }
}
