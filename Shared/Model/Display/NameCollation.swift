import Foundation

/// Sorting of Chinese names the way people expect: by pinyin (拼音排序).
///
/// Uses Foundation's locale-aware comparison with `Locale(identifier: "zh_CN")`, which on Linux
/// is backed by ICU's Chinese collation (pinyin order; tested in `NameCollationTests`).
/// Han names sort before Latin ones in that collation. Known limit: surnames read differently
/// from the character's common reading (曾 Zēng, 单 Shàn, 仇 Qiú) sort by the common reading,
/// as in most software. If a platform's Foundation lacks the Chinese collation, the comparison
/// falls back to Unicode code-point order (stable, but not pinyin); `isPinyinAvailable` tells.
package enum NameCollation {
    /// The collation locale.
    package static let locale = Locale(identifier: "zh_CN")

    /// Compares two names by pinyin (then by code point to break ties deterministically).
    package static func compare(_ lhs: String, _ rhs: String) -> ComparisonResult {
        let result = lhs.compare(rhs, options: [], range: nil, locale: locale)
        if result != .orderedSame { return result }
        return lhs == rhs ? .orderedSame : (lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
            ? .orderedAscending : .orderedDescending)
    }

    /// Whether `lhs` sorts before `rhs`.
    package static func areInIncreasingOrder(_ lhs: String, _ rhs: String) -> Bool {
        compare(lhs, rhs) == .orderedAscending
    }

    /// The names sorted by pinyin.
    package static func sorted(_ names: [String]) -> [String] {
        names.sorted(by: areInIncreasingOrder)
    }

    /// Elements sorted by a name key.
    package static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        items.sorted { areInIncreasingOrder(name($0), name($1)) }
    }

    /// Whether the running Foundation has the pinyin collation: 阿 (ā) before 张 (zhāng) and 陈
    /// (chén) before 李 (lǐ), the reverse of their code-point order (张 U+5F20 < 阿 U+963F,
    /// 李 U+674E < 陈 U+9648).
    package static var isPinyinAvailable: Bool {
        areInIncreasingOrder("阿", "张") && areInIncreasingOrder("陈", "李")
    }
}
