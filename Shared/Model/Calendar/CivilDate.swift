/// A calendar date without time or time zone (公历日期), as written in notices: `2024-01-25`.
///
/// All deadline and window logic uses civil dates; the caller decides which day "today" is
/// (the office's local day, China Standard Time) and passes it in. Encodes as an ISO 8601
/// `YYYY-MM-DD` string.
package struct CivilDate: Hashable, Comparable, Sendable {
    /// Year, 1...9999.
    package let year: Int
    /// Month, 1...12.
    package let month: Int
    /// Day of month, 1...28/29/30/31.
    package let day: Int

    /// Creates a date, checking that it exists in the proleptic Gregorian calendar.
    package init(year: Int, month: Int, day: Int) throws(CivilDateError) {
        guard (1...9999).contains(year) else {
            throw CivilDateError(code: "year_range", input: "\(year)-\(month)-\(day)",
                                 message: "year \(year) is outside 1...9999")
        }
        guard (1...12).contains(month) else {
            throw CivilDateError(code: "month_range", input: "\(year)-\(month)-\(day)",
                                 message: "month \(month) is outside 1...12")
        }
        let last = CivilDate.daysInMonth(year: year, month: month)
        guard (1...last).contains(day) else {
            throw CivilDateError(code: "day_range", input: "\(year)-\(month)-\(day)",
                                 message: "day \(day) is outside 1...\(last) for \(year)-\(month)")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date from values already known to be valid (internal arithmetic only).
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether `year` is a Gregorian leap year.
    package static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in a month of a year.
    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Chronological order.
    package static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A date that could not be parsed or does not exist.
package struct CivilDateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable code: `date_format`, `year_range`, `month_range`, `day_range`.
    package let code: String
    /// The text or values that were rejected.
    package let input: String
    /// Human-readable explanation (English).
    package let message: String

    /// Text for logs and messages.
    package var description: String { "invalid date \"\(input)\": \(message)" }
}
