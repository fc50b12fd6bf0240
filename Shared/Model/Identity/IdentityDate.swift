import Foundation

/// A calendar day (公历日期) as read from or compared with an identity number: no time, no zone.
///
/// Validation takes `today` as one of these instead of reading the clock, so results are
/// reproducible; build it from a `Date` with `init(_:timeZone:)` at the edge of the system.
package struct IdentityDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, e.g. 1949.
    package let year: Int
    /// The month, 1...12.
    package let month: Int
    /// The day of the month, 1...31.
    package let day: Int

    /// A checked day; `nil` when the month or day does not exist (2023-02-29, 2024-13-01).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day a moment falls on in a time zone (default China Standard Time, UTC+8).
    package init(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year ?? 1970
        self.month = parts.month ?? 1
        self.day = parts.day ?? 1
    }

    /// The day as the integer YYYYMMDD, the form the validators compare.
    package var yyyymmdd: Int { year * 10_000 + month * 100 + day }

    /// ISO 8601 form, `YYYY-MM-DD`.
    package var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }

    /// Whether a Gregorian year has 29 February.
    @inline(__always)
    package static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in a month of a year (February follows the Gregorian leap rule); 0 for a month outside 1...12.
    @inline(__always)
    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// Earlier day first.
    package static func < (lhs: IdentityDate, rhs: IdentityDate) -> Bool { lhs.yyyymmdd < rhs.yyyymmdd }

    /// Decodes from `YYYY-MM-DD`.
    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let day = IdentityDate(year: parts[0], month: parts[1], day: parts[2]) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a YYYY-MM-DD day: \(text)"))
        }
        self = day
    }

    /// Encodes as `YYYY-MM-DD`.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
