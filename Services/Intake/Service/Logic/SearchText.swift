import Foundation

/// How names are made searchable (名称检索), computed once when a filing is written, never per
/// query over rows:
/// - script folding: traditional characters are folded to simplified ones (`長安` and `长安` find
///   each other), from ICU's `Hant-Hans` transform applied to each CJK character once per process;
/// - 3 characters and more: the FTS5 trigram index `filing_search` holds each name followed, when
///   folding changes it, by its folded form (`trigramText`); the query is folded the same way;
/// - 1 or 2 characters: the FTS5 index `filing_gram` holds every distinct character and pair of
///   adjacent characters of the folded, lower-cased names as ASCII tokens (`grams`), so that a
///   short query is one token look-up, including when nothing matches.
package enum SearchText {
    /// Queries of at least this many Unicode scalars (after folding) use the trigram index.
    package static let trigramLength = 3
    /// Between a name and its folded form in the trigram index (queries never contain it).
    static let separator: Unicode.Scalar = "\u{1F}"

    /// `text` with traditional characters folded to simplified ones (other characters unchanged).
    package static func foldScript(_ text: String) -> String {
        let table = FoldTable.shared
        guard text.unicodeScalars.contains(where: { table[$0.value] != nil }) else { return text }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            folded.append(table[scalar.value].flatMap(Unicode.Scalar.init) ?? scalar)
        }
        return String(folded)
    }

    /// What a short query and the gram index compare: folded and lower-cased.
    package static func gramForm(_ text: String) -> String {
        foldScript(text).lowercased()
    }

    /// The text kept in the trigram index for one name: the name, then its folded form if different.
    package static func trigramText(_ name: String) -> String {
        let folded = foldScript(name)
        return folded == name ? name : name + String(separator) + folded
    }

    /// The gram tokens of a filing's names, space separated (each distinct token once, in order
    /// of first appearance).
    package static func grams(_ names: String...) -> String {
        var seen = Set<UInt64>()
        var text: [UInt8] = []
        text.reserveCapacity(names.reduce(0) { $0 + $1.utf8.count } * 8)
        for name in names {
            let scalars = Array(gramForm(name).unicodeScalars)
            for index in scalars.indices {
                let unigram = UInt64(scalars[index].value)
                if seen.insert(unigram).inserted { appendToken(&text, scalars[index...index]) }
                guard index + 1 < scalars.count else { continue }
                // A pair as one number: scalars take 21 bits; bit 42 keeps pairs apart from single scalars.
                let bigram = 1 << 42 | unigram << 21 | UInt64(scalars[index + 1].value)
                if seen.insert(bigram).inserted { appendToken(&text, scalars[index...(index + 1)]) }
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The FTS5 query for a 1–2 scalar search text (already in `gramForm`), or nil for other lengths.
    package static func gramQuery(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard (1...2).contains(scalars.count) else { return nil }
        return token(scalars[...])
    }

    /// The FTS5 phrase query for the trigram index.
    package static func trigramQuery(_ text: String) -> String {
        "\"" + foldScript(text).replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Each scalar as 4 base-36 digits (36⁴ > 0x10FFFF): a token of ASCII letters and digits only,
    /// which the `ascii` tokenizer keeps whole. Unigrams are 4 characters long, bigrams 8.
    static func token(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8)
        for scalar in scalars { appendDigits(&bytes, scalar) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `scalars` as one token to a space-separated token list.
    private static func appendToken(_ text: inout [UInt8], _ scalars: ArraySlice<Unicode.Scalar>) {
        if !text.isEmpty { text.append(UInt8(ascii: " ")) }
        for scalar in scalars { appendDigits(&text, scalar) }
    }

    /// The 4 base-36 digits (lower-case) of `scalar`'s value.
    @inline(__always)
    private static func appendDigits(_ bytes: inout [UInt8], _ scalar: Unicode.Scalar) {
        var value = scalar.value
        let fourth = digit(value % 36); value /= 36
        let third = digit(value % 36); value /= 36
        let second = digit(value % 36); value /= 36
        bytes.append(digit(value))
        bytes.append(second)
        bytes.append(third)
        bytes.append(fourth)
    }

    @inline(__always)
    private static func digit(_ value: UInt32) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + UInt8(value) : UInt8(ascii: "a") + UInt8(value - 10)
    }
}

/// Traditional → simplified per CJK character (code point → code point), from ICU once per process.
enum FoldTable {
    /// The table (built on first use, about 70 ms).
    static let shared = Lookup(build())

    /// The mapping as a flat array over the Basic Multilingual Plane, where every mapped
    /// character lies: one indexed load per character, not a hash look-up (256 KB).
    struct Lookup: Sendable {
        private let targets: [UInt32]

        init(_ mapping: [UInt32: UInt32]) {
            var targets = [UInt32](repeating: 0, count: 0x1_0000)
            for (source, target) in mapping where source < 0x1_0000 { targets[Int(source)] = target }
            self.targets = targets
        }

        /// The simplified form of `scalar`, or nil if it has none (or is its own).
        subscript(scalar: UInt32) -> UInt32? {
            guard scalar < 0x1_0000 else { return nil }
            let target = targets[Int(scalar)]
            return target == 0 ? nil : target
        }
    }

    /// CJK blocks with traditional forms: radicals, extension A, unified ideographs, compatibility ideographs.
    static let ranges: [ClosedRange<UInt32>] = [0x2E80...0x2FDF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]

    private static func build() -> [UInt32: UInt32] {
        var scalars: [Unicode.Scalar] = []
        var text = String.UnicodeScalarView()
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                scalars.append(scalar)
                text.append(scalar)
                text.append("\n")
            }
        }
        guard let folded = String(text).applyingTransform(StringTransform("Hant-Hans"), reverse: false) else { return [:] }
        let lines = folded.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= scalars.count else { return [:] }
        var table: [UInt32: UInt32] = [:]
        for (scalar, line) in zip(scalars, lines) {
            let result = Array(line.unicodeScalars)
            // Only one-to-one character mappings: the index stays aligned with the name.
            if result.count == 1, result[0] != scalar { table[scalar.value] = result[0].value }
        }
        // Folding twice must give the same as once (a → b → c becomes a → c, b → c).
        for (key, value) in table {
            var target = value
            var steps = 0
            while let next = table[target], next != target, steps < 4 {
                target = next
                steps += 1
            }
            table[key] = target
        }
        return table
    }
}
