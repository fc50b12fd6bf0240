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
    /// The ISO 8601 UTC form, `2024-01-25T08:30:00Z`, with `.250` milliseconds when there are any.
    package var iso: String {
        let day = floorDiv(millisecondsSinceEpoch, 86_400_000)
        let msOfDay = Int(millisecondsSinceEpoch - day * 86_400_000)
        let date = CivilDate(daysSinceEpoch: Int(day)).iso
        let h = msOfDay / 3_600_000, m = msOfDay / 60_000 % 60, s = msOfDay / 1000 % 60, ms = msOfDay % 1000
        // Written in place, as `CivilDate.iso`: every receipt and history entry carries one.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var count = 0
            func put(_ value: Int, width: Int) {
                var rest = value
                for position in stride(from: count + width - 1, through: count, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                count += width
            }
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            for byte in date.utf8 { put(byte) }
            put(UInt8(ascii: "T"))
            put(h, width: 2)
            put(UInt8(ascii: ":"))
            put(m, width: 2)
            put(UInt8(ascii: ":"))
            put(s, width: 2)
            if ms != 0 {
                put(UInt8(ascii: "."))
                put(ms, width: 3)
            }
            put(UInt8(ascii: "Z"))
            return count
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.sss](Z|±HH:MM)` (ASCII; fraction digits beyond the
    /// milliseconds are ignored).
    package init(iso text: String) throws(CivilDateError) {
        let fail = CivilDateError(code: "timestamp_format", input: text,
                                  message: "expected YYYY-MM-DDTHH:MM:SS[.sss]Z or an offset ±HH:MM")
        var utf8 = text
        let parsed = utf8.withUTF8 { bytes -> (date: String, seconds: Int, milliseconds: Int, offset: Int)? in
            let count = bytes.count
            guard count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                  let h = ISODigits.value(bytes, 11..<13), let mi = ISODigits.value(bytes, 14..<16),
                  let s = ISODigits.value(bytes, 17..<19), h < 24, mi < 60, s < 60 else { return nil }
            var index = 19
            var milliseconds = 0
            if bytes[index] == UInt8(ascii: ".") {
                var end = index + 1
                while end < count, ISODigits.value(bytes, end..<(end + 1)) != nil { end += 1 }
                let digits = min(end - index - 1, 3)
                guard digits > 0, let value = ISODigits.value(bytes, (index + 1)..<(index + 1 + digits)) else { return nil }
                milliseconds = value * [100, 10, 1][digits - 1]
                index = end
            }
            var offset = 0
            if index + 1 == count, bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
                offset = 0
            } else if index + 6 == count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
                      bytes[index + 3] == UInt8(ascii: ":"),
                      let oh = ISODigits.value(bytes, (index + 1)..<(index + 3)),
                      let om = ISODigits.value(bytes, (index + 4)..<(index + 6)) {
                offset = (bytes[index] == UInt8(ascii: "-") ? -1 : 1) * (oh * 60 + om)
            } else {
                return nil
            }
            let date = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<10]), as: UTF8.self)
            return (date, h * 3600 + mi * 60 + s, milliseconds, offset)
        }
        guard let parsed else { throw fail }
        let date = try CivilDate(iso: parsed.date)
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(parsed.seconds) - Int64(parsed.offset * 60)
        self.init(millisecondsSinceEpoch: seconds * 1000 + Int64(parsed.milliseconds))
    }
}

extension Timestamp: ISOTextCodable {}
