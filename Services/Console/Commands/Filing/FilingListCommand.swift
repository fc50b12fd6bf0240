import BeianRPC
import IntakeService

/// `beian filing list`: the office's filings with filters, name search and pages (staff).
enum FilingListCommand: ConsoleCommand {
    static let name = "list"
    static let summary = "the office's filings with filters, --query search and pages (staff)"
    static let usage = """
        beian filing list [ADDR] [--status S] [--platform P] [--object-kind K] [--operator-kind unit|individual]
                          [--local-office CODE | --local-office ""] [--government yes|no] [--timeliness T]
                          [--late yes|no] [--verification pending|verified|invalid] [--review-needed yes|no]
                          [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--query TEXT]
                          [--page-size N] [--cursor C | --all] [--json] [--lang en]

          Lists filings newest first (ListFilings; staff certificate: clerk, head or auditor), one line each:
          filing id, status, account, platform, operator, masked ID number, verification, timeliness, filing
          number, date. --query searches account and operator names (any part of the name). One page at a
          time (default 50): the next page's --cursor is printed at the end; --all fetches every page.
          Status values: submitted, returned_for_correction, accepted, rejected, changed, cancelled, or their
          Chinese names (已提交, 退回补正, 已备案, 不予备案, 已变更, 已注销); likewise platforms (抖音), object kinds
          (账号), operator kinds (单位, 个人), verification (待核验, 已核验, 核验未通过).
          Timeliness: early, on_time, late, pending, overdue, no_deadline, undetermined, or the words lists, exports
          and reports print (集中备案期内, 按期, 逾期备案, 未到期, 已逾期未备案, 无时限, 期限待定: the rest days of the
          year the count reaches are not loaded yet); 提前, 按时, 逾期, 已逾期未办, 无时限要求 are accepted too.
          --from and --to (YYYY-MM-DD, inclusive) bound the submission date.
        """ + "\n" + IntakeConnection.usageTail

    static let filterOptions: Set<String> = [
        "status", "platform", "object-kind", "operator-kind", "local-office", "government", "timeliness", "late",
        "verification", "review-needed", "from", "to", "query", "page-size", "cursor",
    ]

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(filterOptions),
                                      flags: ["json", "all"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        var request = try self.request(arguments)
        let all = arguments.flag("all")
        if all, request.cursor != nil {
            throw ConsoleError.usage(zh: "--all 与 --cursor 只能二选一", en: "--all and --cursor are alternatives")
        }
        return await IntakeConnection.reporting(output) { () throws(RPCError) in
            var collected: [FilingSummary] = []
            while true {
                let page = try await intake.call("ListFilings", request, as: ListFilingsResponse.self)
                collected += page.filings
                if output.json, !all { output.json(page) }
                if !output.json { page.filings.forEach { output.line(output.listRow($0)) } }
                if all, let next = page.nextCursor {
                    request.cursor = next
                    continue
                }
                if output.json, all { output.json(AllFilings(filings: collected)) }
                if !output.json {
                    if page.nextCursor == nil {
                        output.error(output.text("共\(collected.count)条", "\(collected.count) filing(s)"))
                    } else {
                        output.error(output.text("本页\(collected.count)条，还有下一页", "\(collected.count) filing(s) on this page; more follow"))
                    }
                    if let next = page.nextCursor {
                        output.error(output.text("下一页：--cursor \(next)", "next page: --cursor \(next)"))
                    }
                }
                return
            }
        }
    }

    /// Every page at once (`--all --json`).
    private struct AllFilings: Encodable {
        var filings: [FilingSummary]
    }

    /// `--from` and `--to` as `YYYY-MM-DD` where they are dates; refused when `--from` is after
    /// `--to` (an empty period). `export` and `stats` share it.
    static func submissionDates(_ arguments: Arguments) throws(ConsoleError) -> (from: String?, to: String?) {
        let from = arguments.value("from").map(FilingValues.date), to = arguments.value("to").map(FilingValues.date)
        if let from, let to, FilingValues.isDate(from), FilingValues.isDate(to), from > to {
            throw ConsoleError.usage(zh: "--from \(from) 晚于 --to \(to)：这段时间是空的",
                                     en: "--from \(from) is after --to \(to): the period would be empty")
        }
        return (from, to)
    }

    /// The filters (and page) the arguments give; `export` shares them.
    static func request(_ arguments: Arguments) throws(ConsoleError) -> ListFilingsRequest {
        func yesNo(_ name: String) throws(ConsoleError) -> Bool? {
            guard let value = arguments.value(name) else { return nil }
            guard let answer = FilingValues.yesNo(value) else {
                throw ConsoleError.usage(zh: "--\(name) 应为 是 或 否（yes/no），而不是“\(value)”",
                                         en: "--\(name) must be yes or no, got \"\(value)\"")
            }
            return answer
        }
        let platform = arguments.value("platform").map { FilingValues.platform($0)?.rawValue ?? $0 }
        let kind = arguments.value("object-kind").map { FilingValues.objectKind($0) ?? $0 }
        let operatorKind = arguments.value("operator-kind").map { FilingValues.operatorKind($0) ?? $0 }
        let (from, to) = try submissionDates(arguments)
        let status = arguments.value("status").map { FilingValues.status($0) ?? $0 }
        let timeliness = arguments.value("timeliness").map { FilingValues.timeliness($0) ?? $0 }
        let verification = arguments.value("verification").map { FilingValues.verification($0) ?? $0 }
        let filters = FilingFilters(
            status: status, objectKind: kind, platform: platform,
            localOffice: arguments.value("local-office"), operatorKind: operatorKind,
            government: try yesNo("government"), timeliness: timeliness, late: try yesNo("late"),
            verification: verification, reviewNeeded: try yesNo("review-needed"),
            submittedFrom: from, submittedTo: to, query: arguments.value("query"))
        return ListFilingsRequest(filters, pageSize: try arguments.integer("page-size"), cursor: arguments.value("cursor"))
    }
}
