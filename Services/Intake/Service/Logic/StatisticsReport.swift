import BeianModel

/// The survey statistics as a printable HTML document (统计报告): self-contained (inline CSS, no
/// scripts, no outside resources), Chinese headings, A4 print layout. Every text is escaped.
package enum StatisticsReport {
    /// The document.
    package static func html(_ statistics: FilingStatistics, officeName: String, scope: String?,
                             generatedOn: CivilDate) -> String {
        let title = "\(officeName)网站和新媒体账号备案情况统计报告"
        var body = "<h1>\(escape(title))</h1>\n"
        body += "<p class=\"meta\">统计单位：\(escape(officeName))　统计日期：\(escape(generatedOn.iso))"
        if let scope { body += "　统计范围：\(escape(scope))" }
        body += "</p>\n"
        body += section("一、总体情况", table(["项目", "数量"], [
            ["备案总数", String(statistics.total)],
        ] + statistics.byObjectKind.map { [$0.label, String($0.count)] } + [
            ["已注销（关闭）", String(statistics.closed)],
            ["已移交其他网信办", String(statistics.transferredOut)],
        ]))
        body += section("二、分布情况",
                        subsection("按属地", counts(statistics.byLocalOffice, "属地网信办"))
                            + subsection("按平台（新媒体账号）", counts(statistics.byPlatform, "平台"))
                            + subsection("按开设主体", counts(statistics.byOperator, "主体类型"))
                            + subsection("政务与非政务", counts(statistics.byGovernment, "类别")))
        body += section("三、功能情况",
                        subsection("业务范围（新媒体账号，可多选）", counts(statistics.byBusinessScope, "业务范围"))
                            + subsection("网站类型", counts(statistics.bySiteType, "网站类型")))
        body += section("四、运营状况",
                        subsection("备案状态", counts(statistics.byStatus, "状态"))
                            + subsection("备案时限", counts(statistics.byTimeliness, "时限")))
        body += section("五、逾期和缺漏备案", table(["项目", "数量"], [
            ["逾期备案", String(statistics.late)],
            ["退回补正后逾期未重新提交", String(statistics.overdue)],
            ["退回补正尚未重新提交", String(statistics.returnedNotResubmitted)],
            ["已备案但缺少材料", String(statistics.acceptedMissingMaterials)],
            ["身份待核验", String(statistics.pendingVerification)],
        ]) + problemList(statistics))
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>\(css)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// Text made safe for HTML content and attribute values.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    private static let css = """
        @page { size: A4; margin: 18mm 15mm; }
        body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 11pt; color: #000;
          margin: 0 auto; max-width: 190mm; }
        h1 { font-size: 18pt; text-align: center; margin: 0 0 6pt; }
        h2 { font-size: 14pt; margin: 14pt 0 6pt; page-break-after: avoid; }
        h3 { font-size: 12pt; margin: 8pt 0 4pt; page-break-after: avoid; }
        p.meta { text-align: center; margin: 0 0 12pt; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 8pt; }
        th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; }
        td.n { text-align: right; width: 20%; }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; }
        @media screen { body { padding: 12mm; } }
        """

    private static func section(_ title: String, _ content: String) -> String {
        "<h2>\(escape(title))</h2>\n\(content)"
    }

    private static func subsection(_ title: String, _ content: String) -> String {
        "<h3>\(escape(title))</h3>\n\(content)"
    }

    private static func counts(_ lines: [LabeledCount], _ heading: String) -> String {
        lines.isEmpty ? "<p>无</p>\n" : table([heading, "数量"], lines.map { [$0.label, String($0.count)] })
    }

    private static func table(_ headings: [String], _ rows: [[String]]) -> String {
        var html = "<table>\n<thead><tr>" + headings.map { "<th>\(escape($0))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { index, cell in
                index == row.count - 1 && headings.last == "数量" ? "<td class=\"n\">\(escape(cell))</td>"
                    : "<td>\(escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private static func problemList(_ statistics: FilingStatistics) -> String {
        guard !statistics.problems.isEmpty else { return "<p>无逾期或缺漏备案。</p>\n" }
        var html = "<h3>逾期和缺漏备案清单</h3>\n" + table(
            ["备案受理编号", "名称", "开设主体", "属地", "问题"],
            statistics.problems.map { [$0.filingId, $0.accountName, $0.operatorName, $0.localOffice,
                                       $0.problems.joined(separator: "；")] })
        if statistics.problemsTruncated {
            html += "<p>（仅列出前\(FilingStatistics.problemLimit)条，完整清单请导出备案台账。）</p>\n"
        }
        return html
    }
}
