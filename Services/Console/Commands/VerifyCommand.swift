import BeianJSON
import BeianModel
import BeianRPC
import Foundation

/// `beian verify NUMBER...` and `beian verify --file FILE.csv`: checks identity numbers and codes
/// with the identity service (证件号码核验), explaining every rejection.
enum VerifyCommand: ConsoleCommand {
    static let name = "verify"
    static let summary = "check ID numbers and credit codes: beian verify NUMBER... | --file FILE.csv"
    static let usage = """
        beian verify NUMBER... [--kind KIND] [--address HOST:PORT] [--lang zh|en] [--json]
        beian verify --file FILE.csv [--column N|NAME] [--kind KIND] [--address HOST:PORT] [--lang zh|en] [--json]
                     --ca FILE --cert FILE --key FILE [--timeout SECONDS] [--server-name NAME]

        Checks resident identity numbers (also 15-digit ones), residence permits, foreigners'
        permanent residence cards, organization codes and unified social credit codes: the kind,
        valid or not, why not, and what the number says (birth date, region as named at the time,
        registration authority). KIND is auto (default), resident_id, legacy_resident_id,
        residence_permit, foreign_permanent_resident_id, organization_code or unified_social_credit_code.
        --file reads a CSV file (UTF-8, with or without BOM, comma-separated, quoted fields); a
        first row without any 6-digit run is taken as a header. --column picks the column by
        number (from 1) or header name; by default the first column that holds a number.
        Numbers are sent in calls of at most 10000; the report shows each row (number masked)
        and a summary. The identity service is --address, else BEIAN_IDENTITY_ADDRESS, else
        127.0.0.1:7401.
        Exit status: 0 when every number is valid, 1 when some are not, else the call's status code.
        """

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: ConnectionOptions.names.union(["lang", "file", "column", "kind", "address"]),
                                      flags: ["json"], aliases: ["f": "file", "a": "address"])
        let output = try Output(arguments)
        let kind = arguments.value("kind") ?? IdentityAPI.automaticKind
        guard IdentityKind(requestName: kind) != nil else {
            throw ConsoleError.usage(zh: "--kind 应为以下之一：\(IdentityAPI.requestKinds.joined(separator: "、"))，而不是“\(kind)”",
                                     en: "--kind must be one of \(IdentityAPI.requestKinds.joined(separator: ", ")), got \"\(kind)\"")
        }
        let items: [(row: Int?, value: String)]
        if let file = arguments.value("file") {
            guard arguments.positionals.isEmpty else {
                throw ConsoleError.usage(zh: "号码和 --file 只能给一种，不能同时给", en: "give numbers or --file, not both")
            }
            items = try VerifyTable.read(path: file, column: arguments.value("column")).map { ($0.row, $0.value) }
        } else {
            guard !arguments.positionals.isEmpty else {
                throw ConsoleError.usage(zh: "缺少 NUMBER（要核验的号码，或用 --file FILE.csv）", en: "missing NUMBER (or --file FILE.csv)")
            }
            items = arguments.positionals.map { (nil, $0) }
        }
        let address = arguments.value("address") ?? ProcessInfo.processInfo.environment["BEIAN_IDENTITY_ADDRESS"] ?? "127.0.0.1:7401"
        let client = try ConnectionOptions.client(address: address, arguments)
        defer { client.close() }
        var results: [IdentityBatchResult] = []
        do {
            if items.count == 1 && arguments.value("file") == nil {
                let check = try await client.unary(IdentityAPI.verify, request: IdentityVerifyRequest(kind: kind, value: items[0].value),
                                                   as: IdentityCheck.self)
                results = [IdentityBatchResult(ref: nil, check: check)]
            } else {
                let batch = items.map { IdentityBatchItem(kind: kind, value: $0.value, ref: $0.row.map { "row \($0)" }) }
                // The per-row report shows verdicts and reasons only: compact results suffice.
                let detail: IdentityResultDetail = arguments.value("file") != nil && !output.json ? .compact : .full
                for chunk in chunks(batch) { results += try await verifyBatch(client, chunk, detail: detail) }
            }
        } catch {
            output.show(error)
            return error.code.exitCode
        }
        let report = VerifyReport(output: output)
        if arguments.value("file") != nil {
            report.table(results, rows: items.map { $0.row ?? 0 })
        } else {
            report.numbers(results.map(\.check))
        }
        return results.allSatisfy(\.check.valid) ? 0 : 1
    }
}

extension VerifyCommand {
    /// Request bytes one call should stay under (the frame limit is 4 MiB; answers are larger).
    static let chunkBytes = 1 << 20

    /// Consecutive slices of at most 10,000 items and about `chunkBytes` of JSON each.
    static func chunks(_ items: [IdentityBatchItem]) -> [ArraySlice<IdentityBatchItem>] {
        var chunks: [ArraySlice<IdentityBatchItem>] = []
        var start = 0, bytes = 0
        for (index, item) in items.enumerated() {
            let size = 48 + (item.value?.utf8.count ?? 0) + (item.ref?.utf8.count ?? 0)
            if index > start && (index - start == IdentityAPI.maximumBatchItems || bytes + size > chunkBytes) {
                chunks.append(items[start..<index])
                (start, bytes) = (index, 0)
            }
            bytes += size
        }
        if start < items.count { chunks.append(items[start...]) }
        return chunks
    }

    /// One `VerifyBatch` call; an answer too large for one frame (RESOURCE_EXHAUSTED, e.g. long
    /// garbage values with many reasons) is asked for again in two halves.
    static func verifyBatch(_ client: RPCClient, _ items: ArraySlice<IdentityBatchItem>, detail: IdentityResultDetail)
        async throws(RPCError) -> [IdentityBatchResult] {
        do {
            return try await client.unary(IdentityAPI.verifyBatch, request: IdentityBatchRequest(items: Array(items), detail: detail),
                                          as: IdentityBatchResponse.self).results
        } catch where error.code == .resourceExhausted && items.count > 1 {
            let middle = items.startIndex + items.count / 2
            return try await verifyBatch(client, items[..<middle], detail: detail)
                + verifyBatch(client, items[middle...], detail: detail)
        }
    }
}

/// Prints checks: per number with facts, or per row (numbers masked) with a summary.
struct VerifyReport {
    let output: Output

    func numbers(_ checks: [IdentityCheck]) {
        if output.json {
            output.line(json(checks.count == 1 ? (try? JSONCoding.encodeValue(checks[0])) : (try? JSONCoding.encodeValue(checks))))
            return
        }
        for (index, check) in checks.enumerated() {
            if index > 0 { output.line() }
            output.line("\(check.normalized.isEmpty ? output.text("（空）", "(empty)") : check.normalized)  \(kindName(check.kind))  \(verdict(check))")
            for reason in check.reasons { output.line("  ✗ \(message(reason))") }
            for warning in check.warnings { output.line("  ! \(message(warning))") }
            for fact in facts(check) { output.line("  \(fact)") }
        }
    }

    func table(_ results: [IdentityBatchResult], rows: [Int]) {
        let valid = results.filter(\.check.valid).count
        if output.json {
            let summary: JSONValue = ["total": .int(Int64(results.count)), "valid": .int(Int64(valid)),
                                      "invalid": .int(Int64(results.count - valid))]
            let encoded = (try? JSONCoding.encodeValue(results)) ?? .array([])
            let value: JSONValue = ["results": encoded, "summary": summary]
            output.line(value.description)
            return
        }
        for (index, result) in results.enumerated() {
            let check = result.check
            let value = check.normalized.isEmpty ? output.text("（空）", "(empty)") : Masking.idNumber(check.normalized)
            var line = output.text("第 \(rows[index]) 行", "row \(rows[index])") + "  \(value)  \(kindName(check.kind))  \(verdict(check))"
            if !check.reasons.isEmpty { line += "  " + check.reasons.map(message).joined(separator: output.text("；", "; ")) }
            output.line(line)
        }
        output.line()
        output.line(output.text("共 \(results.count) 条：有效 \(valid)，无效 \(results.count - valid)",
                                "\(results.count) numbers: \(valid) valid, \(results.count - valid) invalid"))
        var byKind: [IdentityKind: (total: Int, valid: Int)] = [:]
        for result in results {
            byKind[result.check.kind, default: (0, 0)].total += 1
            if result.check.valid { byKind[result.check.kind, default: (0, 0)].valid += 1 }
        }
        let parts = IdentityKind.allCases.compactMap { kind in
            byKind[kind].map { output.text("\(kindName(kind)) \($0.total)（有效 \($0.valid)）", "\(kindName(kind)) \($0.total) (\($0.valid) valid)") }
        }
        output.line(output.text("按类型：", "by kind: ") + parts.joined(separator: output.text("，", ", ")))
    }

    private func json(_ value: JSONValue?) -> String { (value ?? .null).description }

    private func kindName(_ kind: IdentityKind) -> String { output.text(kind.chineseName, kind.englishName) }

    private func verdict(_ check: IdentityCheck) -> String { check.valid ? output.text("有效", "valid") : output.text("无效", "invalid") }

    private func message(_ issue: IdentityIssue) -> String { output.text(issue.messageChinese, issue.messageEnglish) }

    /// What the number says, one line each.
    private func facts(_ check: IdentityCheck) -> [String] {
        var lines: [String] = []
        if let upgraded = check.upgraded { lines.append(output.text("18 位号码：\(upgraded)", "18-character form: \(upgraded)")) }
        if let person = check.person {
            if let date = person.birthDate { lines.append(output.text("出生日期：\(date)", "birth date: \(date)")) }
            if let gender = person.gender {
                lines.append(output.text("性别：\(gender == .male ? "男" : "女")", "gender: \(gender.rawValue)"))
            }
            if let region = person.region { lines.append(output.text("地址码：", "region: ") + regionText(region)) }
            if let nationality = person.nationalityCode { lines.append(output.text("国籍代码：", "nationality code: ") + nationality) }
        }
        if let organization = check.organization {
            if let code = organization.authorityCode {
                lines.append(output.text("登记管理部门：", "registration authority: ") + "\(code) \(organization.authorityName ?? "")")
            }
            if let code = organization.typeCode {
                lines.append(output.text("机构类别：", "organization type: ") + "\(code) \(organization.typeName ?? "")")
            }
            if let region = organization.region { lines.append(output.text("登记管理机关行政区划：", "registration region: ") + regionText(region)) }
            if let code = organization.organizationCode, check.kind == .unifiedSocialCreditCode {
                lines.append(output.text("组织机构代码：", "organization code: ") + code)
            }
        }
        return lines
    }

    private func regionText(_ region: IdentityCheck.Region) -> String {
        var text = region.code + " " + (region.fullName ?? region.name ?? output.text("（未知）", "(unknown)"))
        if let status = region.status {
            let span = switch (region.nameFrom, region.nameUntil) {
            case let (from?, until?): output.text("，此名称 \(from)–\(until) 年使用", ", name used \(from)–\(until)")
            case let (nil, until?): output.text("，此名称使用至 \(until) 年", ", name used until \(until)")
            case let (from?, nil): output.text("，此名称自 \(from) 年起使用", ", name used since \(from)")
            case (nil, nil): ""
            }
            let state = status == .current ? output.text("现行", "current") : output.text("已撤销", "retired")
            text += output.text("（\(state)\(span)）", " (\(state)\(span))")
        }
        return text
    }
}

/// Reads the numbers of a CSV file: UTF-8 (BOM allowed), comma-separated, fields quoted with `"`
/// (doubled inside), CRLF or LF; blank lines skipped.
enum VerifyTable {
    /// One number with its row in the file (1-based, the header counting as a row).
    struct Entry {
        var row: Int
        var value: String
    }

    static func read(path: String, column: String?) throws(ConsoleError) -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConsoleError.failure(zh: "无法读取\(path)", en: "cannot read \(path)")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ConsoleError.failure(zh: "\(path)不是UTF-8文本", en: "\(path) is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows = parse(text).filter { !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard !rows.isEmpty else { throw ConsoleError.failure(zh: "\(path)中没有任何数据行", en: "\(path) holds no rows") }
        let header = looksLikeHeader(rows[0].cells) ? rows.removeFirst().cells : nil
        let index: Int
        if let column, let number = Int(column) {
            guard number >= 1 else {
                throw ConsoleError.usage(zh: "--column 应为从 1 起的列号，而不是 \(number)", en: "--column must be 1 or more, got \(number)")
            }
            index = number - 1
        } else if let column {
            guard let header, let found = header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == column.lowercased() })
            else {
                throw ConsoleError.usage(zh: "--column \(column)：\(path)的表头中没有这一列",
                                         en: "--column \(column): no such column in the header of \(path)")
            }
            index = found
        } else {
            let first = rows.first?.cells ?? []
            index = first.firstIndex { [9, 15, 18].contains(IdentityValidator.normalize($0).count) } ?? 0
        }
        return rows.map { Entry(row: $0.line, value: index < $0.cells.count ? $0.cells[index] : "") }
    }

    /// A header has no run of 6 digits in any cell (every data row with a number does).
    static func looksLikeHeader(_ cells: [String]) -> Bool {
        !cells.contains { cell in
            var run = 0
            for character in IdentityValidator.normalize(cell) {
                run = character.isASCII && character.isNumber ? run + 1 : 0
                if run >= 6 { return true }
            }
            return false
        }
    }

    /// Records with the line number each starts on.
    static func parse(_ text: String) -> [(line: Int, cells: [String])] {
        var records: [(line: Int, cells: [String])] = []
        var cells: [String] = [], field = "", quoted = false, line = 1, start = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() { cells.append(field); records.append((start, cells)); cells = []; field = "" }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next  // the scalar after a closing quote is read as unquoted text
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",": cells.append(field); field = ""
            case "\r": break
            case "\n": endRecord(); line += 1; start = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !cells.isEmpty { endRecord() }
        return records
    }
}
