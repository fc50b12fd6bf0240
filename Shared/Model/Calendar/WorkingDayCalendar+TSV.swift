extension WorkingDayCalendar {
    /// Parses the rest-day table (`date<TAB>kind<TAB>name_zh<TAB>name_en`, `#` comments, one
    /// header line starting with `date`), as shipped in `cn-rest-days-2019-2026.tsv`. Errors name
    /// `source` and the line number.
    package static func parse(tsv text: String, source: String) throws(CalendarError) -> WorkingDayCalendar {
        try WorkingDayCalendar(entries: parseEntries(tsv: text, source: source))
    }

    /// Parses the rows of a rest-day table without building a calendar.
    package static func parseEntries(tsv text: String, source: String) throws(CalendarError) -> [RestDayEntry] {
        var list: [RestDayEntry] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("date\t") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else {
                throw CalendarError(code: "tsv_format", year: nil,
                                    message: "\(source):\(lineNumber): expected date<TAB>kind<TAB>name_zh<TAB>name_en")
            }
            let date: CivilDate
            do {
                date = try CivilDate(iso: fields[0])
            } catch {
                throw CalendarError(code: "tsv_format", year: nil, message: "\(source):\(lineNumber): \(error)")
            }
            guard let kind = RestDayKind(rawValue: fields[1]) else {
                throw CalendarError(code: "tsv_format", year: date.year,
                                    message: "\(source):\(lineNumber): unknown kind \"\(fields[1])\" "
                                        + "(expected holiday or makeup_workday)")
            }
            list.append(RestDayEntry(date: date, kind: kind,
                                     nameZh: fields.count > 2 ? fields[2] : "",
                                     nameEn: fields.count > 3 ? fields[3] : ""))
        }
        return list
    }
}
