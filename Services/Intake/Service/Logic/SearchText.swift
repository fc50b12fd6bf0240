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

    /// The gram tokens of a filing's names, space separated (each distinct token once).
    package static func grams(_ names: String...) -> String {
        var seen = Set<String>()
        var tokens: [String] = []
        for name in names {
            let scalars = Array(gramForm(name).unicodeScalars)
            for index in scalars.indices {
                let unigram = token(scalars[index...index])
                if seen.insert(unigram).inserted { tokens.append(unigram) }
                guard index + 1 < scalars.count else { continue }
                let bigram = token(scalars[index...(index + 1)])
                if seen.insert(bigram).inserted { tokens.append(bigram) }
            }
        }
        return tokens.joined(separator: " ")
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
        var result = ""
        for scalar in scalars {
            let digits = String(scalar.value, radix: 36)
            result += String(repeating: "0", count: 4 - digits.count) + digits
        }
        return result
    }
}

/// Traditional → simplified per CJK character (code point → code point), from ICU once per process.
enum FoldTable {
    /// The table (built on first use, about 70 ms).
    static let shared: [UInt32: UInt32] = build()

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
