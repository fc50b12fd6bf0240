/// The mainland working-day calendar (工作日): Monday to Friday, except the State Council's
/// yearly holidays (法定节假日) on weekdays and make-up working days (调休上班) on weekends.
///
/// The calendar only answers for the years its data covers. A question about any other year is
/// an error naming that year, never a guess that the year is a plain Monday-Friday week: the
/// State Council publishes each year's exceptions only in the previous November or December.
package struct WorkingDayCalendar: Sendable {
    /// The exceptions, by date.
    package let entries: [CivilDate: RestDayEntry]
    /// The years the data covers completely.
    package let coveredYears: ClosedRange<Int>
    /// Every covered day, precomputed for counting.
    private let index: WorkingDayIndex

    /// Creates a calendar from its exceptions. `coveredYears` defaults to the span from the
    /// first to the last year that has an entry (every year has at least its New Year holiday).
    /// Throws when a date appears twice, a holiday falls on a weekend, a make-up working day on a
    /// weekday, there are no entries, or an entry lies outside `coveredYears`.
    package init(entries list: [RestDayEntry], coveredYears: ClosedRange<Int>? = nil) throws(CalendarError) {
        var byDate: [CivilDate: RestDayEntry] = [:]
        for entry in list {
            if byDate[entry.date] != nil {
                throw CalendarError(code: "duplicate_date", year: entry.date.year,
                                    message: "\(entry.date) appears twice in the rest-day data")
            }
            switch entry.kind {
            case .holiday where entry.date.isWeekend:
                throw CalendarError(code: "holiday_on_weekend", year: entry.date.year,
                                    message: "\(entry.date) is listed as a weekday holiday but is a weekend day")
            case .makeupWorkday where !entry.date.isWeekend:
                throw CalendarError(code: "makeup_on_weekday", year: entry.date.year,
                                    message: "\(entry.date) is listed as a make-up working day but is a weekday")
            default: break
            }
            byDate[entry.date] = entry
        }
        let years = byDate.keys.map(\.year)
        guard let low = years.min(), let high = years.max() else {
            throw CalendarError(code: "no_data", year: nil, message: "the rest-day data has no entries")
        }
        let span = coveredYears ?? low...high
        if let outside = years.first(where: { !span.contains($0) }) {
            throw CalendarError(code: "entry_outside_coverage", year: outside,
                                message: "an entry of \(outside) lies outside the covered years \(span)")
        }
        self.entries = byDate
        self.coveredYears = span
        index = WorkingDayIndex(coveredYears: span, entries: byDate)
    }

    /// The first day after the covered years, the day a count running past them needs.
    private var firstUncoveredDay: CivilDate { CivilDate(unchecked: coveredYears.upperBound + 1, 1, 1) }

    /// Throws `year_not_covered` unless the calendar has data for the date's year.
    package func requireCovered(_ date: CivilDate) throws(CalendarError) {
        guard coveredYears.contains(date.year) else { throw notCovered(date) }
    }

    /// The `year_not_covered` error for a date outside the covered years.
    private func notCovered(_ date: CivilDate) -> CalendarError {
        CalendarError(
            code: "year_not_covered", year: date.year,
            message: "no State Council rest-day data for \(date.year) (needed for \(date)); "
                + "the calendar covers \(coveredYears.lowerBound)-\(coveredYears.upperBound). "
                + "Add the year's holiday notice to the rest-day data.")
    }

    /// What kind of day `date` is.
    package func kind(of date: CivilDate) throws(CalendarError) -> DayKind {
        try requireCovered(date)
        if let entry = entries[date] {
            return entry.kind == .holiday ? .holiday(entry.nameZh) : .makeupWorkday(entry.nameZh)
        }
        return date.isWeekend ? .weekend : .workday
    }

    /// Whether people work on `date` (a weekday that is not a holiday, or a make-up working day).
    package func isWorkingDay(_ date: CivilDate) throws(CalendarError) -> Bool {
        try requireCovered(date)
        return index.isWorkingDay(at: index.offset(of: date))
    }

    /// `date` itself when it is a working day, otherwise the first working day after it.
    package func nextWorkingDay(onOrAfter date: CivilDate) throws(CalendarError) -> CivilDate {
        try requireCovered(date)
        let before = index.workingDays(through: index.offset(of: date) - 1)
        guard let offset = index.offset(ofWorkingDay: before + 1) else { throw notCovered(firstUncoveredDay) }
        return index.date(at: offset)
    }

    /// The `count`-th working day after `date` (day 1 is the first working day after `date`;
    /// `date` itself never counts). `count` must be at least 1.
    package func adding(workingDays count: Int, after date: CivilDate) throws(CalendarError) -> CivilDate {
        precondition(count >= 1, "count working days from 1")
        let next = date.adding(days: 1)
        try requireCovered(next)
        let base = index.workingDays(through: index.offset(of: date))
        guard let offset = index.offset(ofWorkingDay: base + count) else { throw notCovered(firstUncoveredDay) }
        return index.date(at: offset)
    }

    /// The earliest day the `count`-th working day after `date` can be when the count runs past
    /// the data: the working days the data has are counted, and each one still missing is at least
    /// a calendar day after the last covered day. Exact (`adding(workingDays:after:)`) when the
    /// data reaches far enough.
    package func earliestDay(workingDays count: Int, after date: CivilDate) -> CivilDate {
        if let exact = try? adding(workingDays: count, after: date) { return exact }
        let lastCovered = CivilDate(unchecked: coveredYears.upperBound, 12, 31)
        guard date < lastCovered, let known = try? workingDays(after: date, through: lastCovered) else {
            return date.adding(days: count)
        }
        return lastCovered.adding(days: count - known)
    }

    /// Number of working days in the half-open range after `start` up to and including `end`
    /// (0 when `end` is not after `start`).
    package func workingDays(after start: CivilDate, through end: CivilDate) throws(CalendarError) -> Int {
        guard end > start else { return 0 }
        try requireCovered(start.adding(days: 1))
        guard coveredYears.contains(end.year) else { throw notCovered(firstUncoveredDay) }
        return index.workingDays(through: index.offset(of: end)) - index.workingDays(through: index.offset(of: start))
    }

    /// This calendar combined with another (e.g. a later year's file); coverage must be adjacent
    /// or overlapping and dates must not clash.
    package func merged(with other: WorkingDayCalendar) throws(CalendarError) -> WorkingDayCalendar {
        let low = min(coveredYears.lowerBound, other.coveredYears.lowerBound)
        let high = max(coveredYears.upperBound, other.coveredYears.upperBound)
        let joined = coveredYears.upperBound + 1 >= other.coveredYears.lowerBound
            && other.coveredYears.upperBound + 1 >= coveredYears.lowerBound
        guard joined else {
            throw CalendarError(code: "coverage_gap", year: nil,
                                message: "rest-day data \(coveredYears) and \(other.coveredYears) leave a gap")
        }
        return try WorkingDayCalendar(entries: Array(entries.values) + Array(other.entries.values),
                                      coveredYears: low...high)
    }
}

/// One exception to the Monday-Friday week.
package struct RestDayEntry: Hashable, Sendable, Codable {
    /// The date.
    package var date: CivilDate
    /// Holiday on a weekday, or make-up working day on a weekend.
    package var kind: RestDayKind
    /// Chinese name, e.g. 春节 or 春节调休上班.
    package var nameZh: String
    /// English name.
    package var nameEn: String

    /// Creates an entry.
    package init(date: CivilDate, kind: RestDayKind, nameZh: String, nameEn: String) {
        self.date = date
        self.kind = kind
        self.nameZh = nameZh
        self.nameEn = nameEn
    }
}

/// The two kinds of exception in the State Council notices.
package enum RestDayKind: String, Hashable, Sendable, Codable {
    /// A weekday that is a rest day (放假).
    case holiday
    /// A weekend day that is a working day (调休上班).
    case makeupWorkday = "makeup_workday"
}

/// What a given day is.
package enum DayKind: Hashable, Sendable {
    /// Monday-Friday, not a holiday.
    case workday
    /// Saturday or Sunday, not a make-up working day.
    case weekend
    /// A weekday holiday, with its Chinese name.
    case holiday(String)
    /// A weekend make-up working day, with its Chinese name.
    case makeupWorkday(String)

    /// Whether it is a working day.
    package var isWorkingDay: Bool {
        switch self {
        case .workday, .makeupWorkday: true
        case .weekend, .holiday: false
        }
    }
}

/// A calendar question the data cannot answer, or bad calendar data.
package struct CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable code: `year_not_covered`, `duplicate_date`, `holiday_on_weekend`,
    /// `makeup_on_weekday`, `no_data`, `entry_outside_coverage`, `coverage_gap`, `tsv_format`.
    package let code: String
    /// The year concerned, when there is one (the missing year for `year_not_covered`).
    package let year: Int?
    /// Explanation (English).
    package let message: String

    /// Text for logs and messages.
    package var description: String { "\(code): \(message)" }
}
