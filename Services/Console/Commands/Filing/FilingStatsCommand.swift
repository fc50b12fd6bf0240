import BeianRPC
import IntakeService

/// `beian filing stats`: the survey statistics of the office's filings (统计报表; head or auditor).
enum FilingStatsCommand: ConsoleCommand {
    static let name = "stats"
    static let summary = "survey statistics as a table, --json data or a printable --html report (head, auditor)"
    static let usage = """
        beian filing stats [ADDR] [--html FILE.html] [--local-office CODE | --local-office ""]
                           [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--problems N] [--json] [--lang en]

          The office's filings counted (Statistics; staff certificate: head or auditor): totals by object
          kind, local office, platform, operator, government or not, business scope, site type, status and
          timeliness, then the late, overdue and incomplete filings (the first --problems N of them, default
          20; --json has every one). --local-office limits it to one local office (its code or name; "" for
          the filings the office handles itself); --from/--to to a submission-date range. --html FILE.html also writes the
          printable report (A4, Chinese, self-contained), mode 0600. --json prints the numbers.
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(["html", "local-office", "from",
                                                                                     "to", "problems"]),
                                      flags: ["json"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        guard intake.rest.isEmpty else { throw ConsoleError.unexpectedArgument(intake.rest[0]) }
        let htmlPath = arguments.value("html")
        if htmlPath?.isEmpty == true { throw ConsoleError.usage(zh: "--html 后面要给一个文件名", en: "--html needs a file name") }
        let problems = try arguments.integer("problems") ?? 20
        guard problems >= 0 else {
            throw ConsoleError.usage(zh: "--problems 应为 0 或更大的整数，而不是 \(problems)", en: "--problems must be 0 or more, got \(problems)")
        }
        let (from, to) = try FilingListCommand.submissionDates(arguments)
        let request = StatisticsRequest(localOffice: arguments.value("local-office"), submittedFrom: from,
                                        submittedTo: to, html: htmlPath != nil)
        var received: StatisticsResponse?
        let status = await IntakeConnection.reporting(output) { () throws(RPCError) in
            received = try await intake.call("Statistics", request, as: StatisticsResponse.self)
        }
        guard status == 0, var response = received else { return status }
        if let htmlPath {
            guard let html = response.html else {
                throw ConsoleError.failure(zh: "服务没有返回HTML报告", en: "the service sent no HTML report")
            }
            try PrivateFile.save(Array(html.utf8), to: htmlPath)
            response.html = nil
        }
        if output.json {
            output.json(response)
        } else {
            output.show(response, problems: problems)
        }
        if let htmlPath {
            output.error(output.text("统计报告已写入 \(htmlPath)（可用浏览器打开并打印）",
                                     "report written to \(htmlPath) (open it in a browser to print)"))
        }
        return 0
    }
}
