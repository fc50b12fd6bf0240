import Foundation

/// An instant in UTC with millisecond precision, for version history and audit facts.
///
/// Encodes as an ISO 8601 UTC string, `2024-01-25T08:30:00Z` (with `.sss` when the milliseconds
/// are not zero), so JSON stays stable whatever the coder's date strategy. The model never
/// reads the clock: callers pass `Timestamp(Date())` or a fixed value in tests.
package struct Timestamp: Hashable, Comparable, Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    package let millisecondsSinceEpoch: Int64

    /// Creates a timestamp from milliseconds since the epoch.
    package init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// Creates a timestamp from a Foundation date (truncated to milliseconds).
    package init(_ date: Date) {
        self.millisecondsSinceEpoch = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The Foundation date for this instant.
    package var date: Date { Date(timeIntervalSince1970: Double(millisecondsSinceEpoch) / 1000) }

    /// The civil date of this instant in UTC+8 (China Standard Time, no daylight saving).
    package var chinaCivilDate: CivilDate {
        let ms = millisecondsSinceEpoch + 8 * 3_600_000
        return CivilDate(daysSinceEpoch: Int(floorDiv(ms, 86_400_000)))
    }

    /// Chronological order.
    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

extension Timestamp {
    /// The ISO 8601 UTC form.
    package var iso: String {
        let day = floorDiv(millisecondsSinceEpoch, 86_400_000)
        let msOfDay = Int(millisecondsSinceEpoch - day * 86_400_000)
        let date = CivilDate(daysSinceEpoch: Int(day))
        let h = msOfDay / 3_600_000, m = msOfDay / 60_000 % 60, s = msOfDay / 1000 % 60, ms = msOfDay % 1000
        func pad(_ v: Int, _ w: Int = 2) -> String {
            let t = String(v)
            return String(repeating: "0", count: max(0, w - t.count)) + t
        }
        let fraction = ms == 0 ? "" : ".\(pad(ms, 3))"
        return "\(date.iso)T\(pad(h)):\(pad(m)):\(pad(s))\(fraction)Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.sss](Z|±HH:MM)`.
    package init(iso text: String) throws(CivilDateError) {
        let fail = CivilDateError(code: "timestamp_format", input: text,
                                  message: "expected YYYY-MM-DDTHH:MM:SS[.sss]Z or an offset ±HH:MM")
        let chars = Array(text)
        guard chars.count >= 20, chars[10] == "T" || chars[10] == "t" else { throw fail }
        let date = try CivilDate(iso: String(chars[0..<10]))
        func number(_ range: Range<Int>) throws(CivilDateError) -> Int {
            guard range.upperBound <= chars.count, let v = Int(String(chars[range])),
                  chars[range].allSatisfy({ $0.isASCII && $0.isNumber }) else { throw fail }
            return v
        }
        guard chars[13] == ":", chars[16] == ":" else { throw fail }
        let h = try number(11..<13), mi = try number(14..<16), s = try number(17..<19)
        guard h < 24, mi < 60, s < 60 else { throw fail }
        var index = 19
        var ms = 0
        if chars[index] == "." {
            var end = index + 1
            while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            guard end > index + 1 else { throw fail }
            let digits = String(chars[(index + 1)..<end]).padding(toLength: 3, withPad: "0", startingAt: 0)
            ms = Int(digits.prefix(3)) ?? 0
            index = end
        }
        var offsetMinutes = 0
        let rest = String(chars[index...])
        if rest == "Z" || rest == "z" {
            offsetMinutes = 0
        } else if rest.count == 6, let sign = rest.first, sign == "+" || sign == "-" {
            let r = Array(rest)
            guard r[3] == ":", let oh = Int(String(r[1...2])), let om = Int(String(r[4...5])) else { throw fail }
            offsetMinutes = (sign == "-" ? -1 : 1) * (oh * 60 + om)
        } else {
            throw fail
        }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(h * 3600 + mi * 60 + s) - Int64(offsetMinutes * 60)
        self.init(millisecondsSinceEpoch: seconds * 1000 + Int64(ms))
    }
}

extension Timestamp: ISOTextCodable {}
