import BeianJSON
import BeianRPC

/// The per-row report of an import and its summary, readable (zh/en) or JSON.
struct ImportReport {
    let output: Output
    let results: [ImportResult]
    let dryRun: Bool

    /// Counts by outcome.
    struct Counts {
        var filed = 0, alreadyFiled = 0, duplicates = 0, refused = 0, notSubmitted = 0, wouldFile = 0
    }

    var counts: Counts {
        var counts = Counts()
        for result in results {
            switch result.outcome {
            case .filed: counts.filed += 1
            case .alreadyFiled: counts.alreadyFiled += 1
            case .duplicate: counts.duplicates += 1
            case .refused: counts.refused += 1
            case .notSubmitted: counts.notSubmitted += 1
            case .wouldFile: counts.wouldFile += 1
            }
        }
        return counts
    }

    /// One line per row (refused rows: one more line per reason), then the summary.
    func printRows() {
        for result in results {
            let name = result.row.accountName.isEmpty ? output.text("（无账号名称）", "(no account name)") : result.row.accountName
            let lead = output.text("第\(result.row.row)行  \(name)  ", "row \(result.row.row)  \(name)  ")
            switch result.outcome {
            case .filed(let receipt):
                output.line(lead + output.text("已备案 \(receipt.filingId)（身份核验：\(output.shortLabel(receipt.verification))）",
                                               "filed \(receipt.filingId) (identity \(receipt.verification.rawValue))"))
                if !result.earlierFilings.isEmpty {
                    let earlier = result.earlierFilings.joined(separator: output.text("、", ", "))
                    output.line("    " + output.text("注意：此行此前已提交为 \(earlier)（用另一证书导入），本次又新建了一条备案",
                                                    "note: this row was filed before as \(earlier) (imported with "
                                                        + "another certificate); this run filed it again"))
                }
            case .alreadyFiled(let receipt):
                output.line(lead + output.text("此前已提交 \(receipt.filingId)（本次未重复提交；审核结果以备案状态为准）",
                                               "already filed \(receipt.filingId) (not filed again)"))
            case .duplicate(let row):
                output.line(lead + output.text("与第\(row)行内容相同，未重复提交", "same as row \(row), not filed twice"))
            case .wouldFile(let check):
                output.line(lead + output.text("可以备案（\(output.label(check.scope.outcome))）",
                                               "would be filed (\(check.scope.outcome.rawValue))"))
            case .refused(let reasons):
                output.line(lead + output.text("未备案：", "not filed:"))
                for reason in reasons {
                    let column = reason.column.map { "\($0)\(output.text("：", ": "))" } ?? ""
                    output.line("    " + column + output.text(reason.zh, reason.en))
                }
            case .notSubmitted(let error):
                output.line(lead + output.text("未提交（\(error.code.name)：\(error.message)）",
                                               "not submitted (\(error.code.name): \(error.message))"))
            }
        }
    }

    /// The summary line.
    func summary(receipts: String?) -> String {
        let c = counts
        var zh = "共\(results.count)行："
        var en = "\(results.count) row(s): "
        if dryRun {
            zh += "可以备案\(c.wouldFile)，不能备案\(c.refused)"
            en += "\(c.wouldFile) would be filed, \(c.refused) would not"
        } else {
            zh += "新备案\(c.filed)，此前已提交\(c.alreadyFiled)，未备案\(c.refused)"
            en += "\(c.filed) filed, \(c.alreadyFiled) already filed, \(c.refused) not filed"
        }
        if c.duplicates > 0 {
            zh += "，重复行\(c.duplicates)"
            en += ", \(c.duplicates) duplicate(s)"
        }
        if c.notSubmitted > 0 {
            zh += "，未提交\(c.notSubmitted)"
            en += ", \(c.notSubmitted) not submitted"
        }
        let again = results.filter { !$0.earlierFilings.isEmpty }.count
        if again > 0 {
            zh += "。其中\(again)行此前已用另一证书提交，本次重复备案：请核对后注销多余的备案"
            en += ". \(again) of them had been filed before with another certificate and are now filed twice: "
                + "check them and close the extra filings"
        }
        if let receipts {
            zh += "。回执（含查询码）已写入 \(receipts)（仅本人可读，请转交各备案人）"
            en += ". Receipts with access codes are in \(receipts) (mode 0600; hand them to the operators)"
        }
        return output.text(zh, en)
    }

    /// The whole report as JSON (no access codes: they are in the receipts file).
    func json(encoding: String, unknownColumns: [String], receipts: String?, stoppedBy: RPCError?) -> JSONValue {
        var rows: [JSONValue] = []
        for result in results {
            var object = JSONObject()
            object["row"] = .int(Int64(result.row.row))
            object["account_name"] = .string(result.row.accountName)
            object["idempotency_key"] = .string(result.key)
            switch result.outcome {
            case .filed(let receipt), .alreadyFiled(let receipt):
                object["outcome"] = .string(result.outcome.isAlreadyFiled ? "already_filed" : "filed")
                object["filing_id"] = .string(receipt.filingId)
                object["verification"] = .string(receipt.verification.rawValue)
                if !result.earlierFilings.isEmpty {
                    object["earlier_filing_ids"] = .array(result.earlierFilings.map(JSONValue.string))
                }
            case .duplicate(let row):
                object["outcome"] = "duplicate"
                object["same_as_row"] = .int(Int64(row))
            case .wouldFile(let check):
                object["outcome"] = "would_file"
                object["scope"] = .string(check.scope.outcome.rawValue)
            case .refused(let reasons):
                object["outcome"] = "refused"
                object["reasons"] = .array(reasons.map { reason in
                    ["column": reason.column.map(JSONValue.string) ?? .null, "zh": .string(reason.zh),
                     "en": .string(reason.en)]
                })
            case .notSubmitted(let error):
                object["outcome"] = "not_submitted"
                object["status"] = ["code": .int(Int64(error.code.rawValue)), "name": .string(error.code.name),
                                    "message": .string(error.message)]
            }
            rows.append(.object(object))
        }
        let c = counts
        var summary: JSONValue = [
            "rows": .int(Int64(results.count)), "filed": .int(Int64(c.filed)),
            "already_filed": .int(Int64(c.alreadyFiled)), "refused": .int(Int64(c.refused)),
            "duplicates": .int(Int64(c.duplicates)), "not_submitted": .int(Int64(c.notSubmitted)),
        ]
        if dryRun, case .object(var members) = summary {
            members["would_file"] = .int(Int64(c.wouldFile))
            summary = .object(members)
        }
        var report = JSONObject()
        report["encoding"] = .string(encoding)
        report["dry_run"] = .bool(dryRun)
        report["unknown_columns"] = .array(unknownColumns.map(JSONValue.string))
        report["rows"] = .array(rows)
        report["summary"] = summary
        report["receipts_file"] = receipts.map(JSONValue.string)
        report["stopped_by"] = stoppedBy.map { error -> JSONValue in
            ["code": .int(Int64(error.code.rawValue)), "name": .string(error.code.name), "message": .string(error.message)]
        }
        return .object(report)
    }
}

extension ImportOutcome {
    var isAlreadyFiled: Bool {
        if case .alreadyFiled = self { return true }
        return false
    }
}
