import BeianRPC
import BeianModel
import BeianRuntime
import BeianTLS
import Foundation
import IntakeService

/// `beian filing import FILE.csv`: files the rows of an office's spreadsheet (one row per account)
/// on the operators' behalf.
enum FilingImportCommand: ConsoleCommand {
    static let name = "import"
    static let summary = "file every row of a spreadsheet (CSV) on the operators' behalf (clerk or head)"
    static let usage = """
        beian filing import [ADDR] FILE.csv [--office CODE] [--dry-run] [--concurrency N] [--json] [--lang en]

          Reads the spreadsheet an office collected (one row per account; UTF-8 with or without BOM, or
          GB18030/GBK as Chinese Excel saves it: the encoding found is printed) and files each row as a
          clerk or head on the operator's behalf (staff certificate required: --cert/--key or
          BEIAN_CERT/BEIAN_KEY). Columns are found by their Chinese names, as on the filing forms:
            账号名称 账号 平台/服务类型 粉丝量/关注量 注册日期 业务范围 (items separated by 、 or ;) 形式 功能描述
            是否取得新闻资质 管理员姓名 管理员手机 管理员邮箱 | 单位名称 单位类型 统一社会信用代码 法定代表人 单位地址
            | 负责人姓名 (or 姓名) 身份证号 手机号码 微信号 工作单位 | 主体类型 属地网信办 备案类型
          (English names work too: account_name, platform, followers, id_number, ...). A row naming a unit
          (单位名称) files a unit with the person as its responsible person; else the person files as an
          individual. Without administrator columns, that person is the administrator. Platforms by their
          Chinese names (微信公众号, 抖音, 快手, 新浪微博, 今日头条, 小红书, 企鹅号, 百家号, ...); other names are
          filed as platform "other". Unknown columns are listed once and ignored.

          Output: a progress bar on standard error (plain lines when it is not a terminal), then one line
          per row — filed with its filing id, or not filed with every reason under its column name — and a
          summary. The receipts of filed rows (filing id and access code 查询码, which the operators need)
          are written to FILE.receipts.csv next to the input, mode 0600: hand them over and keep the file safe.

          Safe to run again: each row is sent with an idempotency key made from the office code and the
          row's content, so rows filed before are reported as "already filed" with the same filing id and
          are not filed twice (intake keeps keys for 30 days, per staff member: re-run with the same
          certificate). An office files each account (platform + account id) or website once at a
          time: a row of an account already on file — sent with another certificate, or changed since
          — is refused as already filed (已在本办备案); report real changes with `beian filing change`.
          The receipts file only grows: a re-run adds new filings and keeps every access code already
          in it. An import that was interrupted before it wrote the receipts file (Ctrl-C, a lost
          connection) loses nothing: run it again with the same certificate within 30 days, and the
          rows already filed come back with their filing ids and access codes. Rows with the same
          content twice in one file are filed once.
          --dry-run asks intake's pre-check for each row and files nothing (no receipts file).
          --concurrency N: calls in flight (default 8).

          Exit status: 0 every row filed (or already filed; with --dry-run: would be filed), 1 some rows
          not filed, the status code when the service failed and the import stopped (rows after it are
          listed as not submitted), 2 for wrong usage or an unreadable file.
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(["office", "concurrency"]),
                                      flags: ["json", "dry-run"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let path = try intake.positional(0, zh: "FILE.csv（要导入的表格）", en: "FILE.csv")
        let dryRun = arguments.flag("dry-run")
        let concurrency = try arguments.integer("concurrency") ?? 8
        guard (1...64).contains(concurrency) else {
            throw ConsoleError.usage(zh: "--concurrency 应在 1 到 64 之间，而不是 \(concurrency)",
                                     en: "--concurrency must be 1 to 64, got \(concurrency)")
        }
        let office = try officeCode(arguments, required: !dryRun)

        let document: CSVDocument
        do {
            document = try CSVDocument.read(path)
        } catch {
            throw error.exiting(2)
        }
        let header = ImportHeader(document.header)
        guard header.has(.accountName) else {
            let found = document.header.prefix(8).map { String($0.prefix(40)) }
            throw ConsoleError.input(zh: "表头没有账号名称列（第一行应是列名）：第一行是" + found.joined(separator: "、"),
                                     en: "no account-name column (账号名称) in the header: found " + found.joined(separator: ", "))
        }
        output.error(output.text("文件编码：\(document.encoding.rawValue)；\(document.records.count)行数据",
                                 "encoding: \(document.encoding.rawValue); \(document.records.count) data row(s)"))
        if !header.unknown.isEmpty {
            output.error(output.text("以下列无法识别，已忽略：", "unknown columns, ignored: ")
                         + header.unknown.joined(separator: output.text("、", ", ")))
        }
        if !header.duplicates.isEmpty {
            output.error(output.text("以下列与前面的列重复，已忽略：", "repeated columns, ignored: ")
                         + header.duplicates.joined(separator: output.text("、", ", ")))
        }
        let rows = document.records.map { ImportRow($0, header: header, office: arguments.value("office")) }
        var receipts = try ReceiptsFile(path: ReceiptsFile.path(for: path))
        let runner = ImportRunner(intake: intake, header: header, office: office ?? "", dryRun: dryRun,
                                  concurrency: concurrency, evidence: ReplayEvidence(receipts: receipts),
                                  progress: ImportProgress(total: rows.count, output: output))
        let (results, stoppedBy) = await runner.run(rows)

        var receiptsPath: String?
        if !dryRun, results.contains(where: { $0.outcome.receipt != nil }) {
            for result in results {
                guard let receipt = result.outcome.receipt else { continue }
                receipts.record(ReceiptsFile.Entry(
                    row: result.row.row, accountName: result.row.accountName, filingId: receipt.filingId,
                    accessCode: receipt.accessCode, verification: IntakeLabels.verification(receipt.verification),
                    submittedAt: output.time(receipt.submittedAt), key: result.key))
            }
            try receipts.write()
            receiptsPath = receipts.path
        }
        let report = ImportReport(output: output, results: results, dryRun: dryRun)
        if output.json {
            output.line(report.json(encoding: document.encoding.rawValue, unknownColumns: header.unknown,
                                    receipts: receiptsPath, stoppedBy: stoppedBy).description)
        } else {
            report.printRows()
            output.line(report.summary(receipts: receiptsPath))
        }
        if let stoppedBy {
            output.show(stoppedBy)
            return stoppedBy.code.exitCode
        }
        let counts = report.counts
        return counts.refused + counts.notSubmitted > 0 ? 1 : 0
    }

    /// The office code of the idempotency keys: `--office`, else the O of the staff certificate.
    private static func officeCode(_ arguments: Arguments, required: Bool) throws(ConsoleError) -> String? {
        if let office = arguments.value("office") { return TextNormalization.code(office) }
        guard let path = arguments.value("cert") ?? Environment.process.get("BEIAN_CERT") else {
            guard !required else {
                throw ConsoleError.usage(zh: "导入须以工作人员身份进行：请给出科员或科长的证书（--cert FILE --key FILE，或设置 BEIAN_CERT/BEIAN_KEY）",
                                         en: "import files as staff: give a clerk's or head's certificate "
                                             + "(--cert FILE --key FILE, or BEIAN_CERT/BEIAN_KEY)")
            }
            return nil
        }
        do {
            guard let office = try X509Certificate(pemFile: path).subject.organization else {
                throw ConsoleError.usage(zh: "证书\(path)中没有网信办代码（O）：请用 --office CODE 给出",
                                         en: "the certificate \(path) names no office (O); give --office CODE")
            }
            return office
        } catch let error as ConsoleError {
            throw error
        } catch {
            throw ConsoleError.failure(zh: "无法读取证书\(path)：\(error)", en: "cannot read the certificate \(path): \(error)")
        }
    }
}
