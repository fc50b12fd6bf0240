/// Administrative division codes (行政区划代码, GB/T 2260) with every name each code has carried.
///
/// A code may have several name periods (130502: 桥东区 until 2019, 襄都区 from 2020) and may be
/// retired. Identity numbers keep the code of their first registration, so look-ups answer for
/// current and retired codes alike. Built once from the division table (see
/// `init(tsv:source:)`); look-up by integer code is an array index, for the validation hot path.
package struct DivisionRegistry: Sendable {
    /// Level of a division, read from its code: `xx0000` province, `xxyy00` prefecture, else county.
    package enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        /// 省级 (province, autonomous region, municipality, SAR).
        case province
        /// 地级 (prefecture-level city, prefecture, league; also 市辖区/县 grouping rows).
        case prefecture
        /// 县级 (county, district, county-level city, banner).
        case county

        /// The level of a six-digit code.
        package init(code: Int) {
            self = code % 10_000 == 0 ? .province : code % 100 == 0 ? .prefecture : .county
        }
    }

    /// One name a code carried and the years it carried it (年份区间).
    package struct NamePeriod: Sendable, Hashable, Codable {
        /// The name, e.g. 桥东区.
        package var name: String
        /// First year of use; `nil` when in use since before the first list (1980).
        package var firstYear: Int?
        /// Last year of use; `nil` while in use.
        package var lastYear: Int?
        /// Name with province and prefecture of the same time, e.g. 河北省邢台市桥东区.
        package var fullName: String

        /// Whether the name was in use in a year.
        package func covers(year: Int) -> Bool {
            (firstYear ?? Int.min) <= year && year <= (lastYear ?? Int.max)
        }
    }

    /// A division code and its history.
    package struct Division: Sendable, Hashable, Identifiable {
        /// The code as an integer, e.g. 130502.
        package var code: Int
        /// The code as six digits, e.g. "130502".
        package var codeString: String
        /// Name periods, oldest first.
        package var periods: [NamePeriod]
        /// Level read from the code.
        package var level: Level { Level(code: code) }
        /// Whether some name of the code is still in use (现行); otherwise the code is retired.
        package var isCurrent: Bool { periods.contains { $0.lastYear == nil } }
        /// The current name, or the last name of a retired code.
        package var latest: NamePeriod { periods.first { $0.lastYear == nil } ?? periods[periods.count - 1] }
        /// Identity for lists: the code.
        package var id: Int { code }

        /// The name in use in a year; for a year before the code existed the first name, for a
        /// year after it was retired the last.
        package func period(in year: Int) -> NamePeriod {
            if periods.count == 1 { return periods[0] }
            if let period = periods.last(where: { $0.covers(year: year) }) { return period }
            if let first = periods.first?.firstYear, year < first { return periods[0] }
            return latest
        }
    }

    /// Where the table came from (a file path, or "bundled").
    package let source: String
    /// Every division, sorted by code.
    package let divisions: [Division]
    /// Code → index into `divisions` plus one; 0 for no division. One slot per code 000000...999999.
    let slots: [UInt16]
    /// Exact name → indexes into `divisions` of every code that carried it.
    let namesIndex: [String: [Int]]
    /// Per division (same index as `divisions`): where its periods are in `spans`/`facts`.
    let hot: [HotDivision]
    /// Years of every period of every division, flattened (first ?? Int32.min, last ?? Int32.max).
    let spans: [(first: Int32, last: Int32)]
    /// Ready-made region facts of every period, flattened like `spans`.
    let facts: [IdentityCheck.Region]

    /// Hot-path summary of a division.
    struct HotDivision: Sendable {
        /// Index of its first period in `spans` / `facts`.
        var start: Int32
        /// Number of periods.
        var count: Int32
        /// Index (relative to `start`) of the current name, or of the last name if retired.
        var latest: Int32
        /// Last year of use if retired, else Int32.max.
        var retiredAfter: Int32
    }

    /// Number of distinct codes.
    package var count: Int { divisions.count }

    /// The division with a code, current or retired.
    @inline(__always)
    package func division(_ code: Int) -> Division? {
        guard code >= 0, code < slots.count else { return nil }
        let slot = Int(slots[code])
        return slot == 0 ? nil : divisions[slot - 1]
    }

    /// The division with a six-digit code given as text.
    package func division(code: String) -> Division? {
        guard code.utf8.count == 6, code.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(code) else {
            return nil
        }
        return division(value)
    }

    /// Whether a code is known (current or retired).
    @inline(__always)
    package func contains(_ code: Int) -> Bool { code >= 0 && code < slots.count && slots[code] != 0 }
}
