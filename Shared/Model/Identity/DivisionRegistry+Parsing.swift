/// A problem in the division table (行政区划代码表): where and what.
package struct DivisionDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable code: `header`, `row`, `empty`, `unreadable`.
    package var code: String
    /// 1-based line number, when about a line.
    package var line: Int?
    /// What is wrong.
    package var message: String

    /// An error from its parts.
    package init(code: String, line: Int? = nil, message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    /// The error with its line, for logs.
    package var description: String {
        line.map { "division table line \($0): \(message) [\(code)]" } ?? "division table: \(message) [\(code)]"
    }
}

extension DivisionRegistry {
    /// Placeholder names of grouping rows, left out of full names (市辖区 under a city, 县 ...).
    private static let groupingNames: Set<String> = [
        "市辖区", "县", "省直辖县级行政单位", "省直辖县级行政区划", "自治区直辖县级行政区划", "市", "区",
    ]

    /// Parses the division table: a header `code name first_year last_year [sources...]`, then one
    /// tab-separated row per code and name period (six-digit code, name, four-digit years or empty).
    ///
    /// - Parameters:
    ///   - tsv: the file's text (UTF-8, LF or CRLF line ends).
    ///   - source: where it came from, kept in `source`.
    /// - Throws: `DivisionDataError` naming the first bad line.
    package init(tsv: String, source: String) throws(DivisionDataError) {
        var rows: [Int: [NamePeriod]] = [:]
        var lineNumber = 0
        var sawHeader = false
        for rawLine in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if !sawHeader {
                guard fields.count >= 4, fields[0] == "code", fields[1] == "name", fields[2] == "first_year",
                      fields[3] == "last_year"
                else {
                    throw DivisionDataError(code: "header", line: lineNumber,
                                            message: "expected header 'code name first_year last_year'")
                }
                sawHeader = true
                continue
            }
            guard fields.count >= 4 else {
                throw DivisionDataError(code: "row", line: lineNumber, message: "expected at least 4 tab-separated fields")
            }
            guard fields[0].utf8.count == 6, fields[0].utf8.allSatisfy({ (48...57).contains($0) }),
                  let code = Int(fields[0])
            else {
                throw DivisionDataError(code: "row", line: lineNumber, message: "code '\(fields[0])' is not six digits")
            }
            let name = String(fields[1]).trimmingSpaces
            guard !name.isEmpty else {
                throw DivisionDataError(code: "row", line: lineNumber, message: "empty name for code \(fields[0])")
            }
            var first = try Self.year(fields[2], line: lineNumber)
            var last = try Self.year(fields[3], line: lineNumber)
            if let start = first, let end = last, end < start {
                // A few source rows (e.g. 332704 温岭市 1994-1993) have the years crossed: a name
                // seen in a single yearly list. Keep the row, spanning both years.
                (first, last) = (end, start)
            }
            rows[code, default: []].append(NamePeriod(name: name, firstYear: first, lastYear: last, fullName: name))
        }
        guard sawHeader, !rows.isEmpty else { throw DivisionDataError(code: "empty", message: "no rows") }
        guard rows.count < Int(UInt16.max) else { throw DivisionDataError(code: "row", message: "too many codes") }

        var divisions = rows.keys.sorted().map { code in
            Division(code: code, codeString: Self.sixDigits(code), periods: rows[code]!.sorted(by: Self.older))
        }
        var slots = [UInt16](repeating: 0, count: 1_000_000)
        for (index, division) in divisions.enumerated() { slots[division.code] = UInt16(index + 1) }
        Self.fillFullNames(&divisions, slots: slots)

        var names: [String: [Int]] = [:]
        for (index, division) in divisions.enumerated() {
            for name in Set(division.periods.map(\.name)) { names[name, default: []].append(index) }
        }
        var hot: [HotDivision] = [], spans: [(first: Int32, last: Int32)] = [], facts: [IdentityCheck.Region] = []
        for division in divisions {
            let latest = division.periods.firstIndex { $0.lastYear == nil } ?? division.periods.count - 1
            let retired = division.isCurrent ? Int32.max : Int32(division.periods[latest].lastYear ?? Int(Int32.max))
            hot.append(HotDivision(start: Int32(spans.count), count: Int32(division.periods.count),
                                   latest: Int32(latest), retiredAfter: retired))
            for period in division.periods {
                spans.append((Int32(period.firstYear ?? Int(Int32.min)), Int32(period.lastYear ?? Int(Int32.max))))
                facts.append(IdentityCheck.Region(
                    code: division.codeString, name: period.name, fullName: period.fullName,
                    status: division.isCurrent ? .current : .retired, nameFrom: period.firstYear,
                    nameUntil: period.lastYear))
            }
        }
        self.source = source
        self.divisions = divisions
        self.slots = slots
        self.namesIndex = names
        self.hot = hot
        self.spans = spans
        self.facts = facts
    }

    private static func year(_ field: Substring, line: Int) throws(DivisionDataError) -> Int? {
        if field.isEmpty { return nil }
        guard field.utf8.count == 4, let year = Int(field), (1900...2999).contains(year) else {
            throw DivisionDataError(code: "row", line: line, message: "year '\(field)' is not a four-digit year")
        }
        return year
    }

    private static func older(_ lhs: NamePeriod, _ rhs: NamePeriod) -> Bool {
        let l = (lhs.firstYear ?? 0, lhs.lastYear ?? 9999), r = (rhs.firstYear ?? 0, rhs.lastYear ?? 9999)
        return l != r ? l < r : lhs.name < rhs.name
    }

    private static func sixDigits(_ code: Int) -> String {
        let digits = String(code)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Prefixes each period's name with its province's and prefecture's names of the same time.
    private static func fillFullNames(_ divisions: inout [Division], slots: [UInt16]) {
        let snapshot = divisions
        func parentName(_ code: Int, year: Int) -> String {
            let slot = Int(slots[code])
            guard slot != 0 else { return "" }
            let name = snapshot[slot - 1].period(in: year).name
            return groupingNames.contains(name) ? "" : name
        }
        for index in divisions.indices {
            let code = divisions[index].code
            let level = Level(code: code)
            guard level != .province else { continue }
            for p in divisions[index].periods.indices {
                let period = divisions[index].periods[p]
                let year = period.lastYear ?? 9999
                var full = parentName(code / 10_000 * 10_000, year: year)
                if level == .county { full += parentName(code / 100 * 100, year: year) }
                divisions[index].periods[p].fullName = full + period.name
            }
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
