import Foundation

/// Normalization of what people type into forms and spreadsheets, applied before any check.
///
/// Operators paste from Word, WeChat and Excel: full-width digits and letters (１２３ＡＢＣ),
/// ideographic spaces (U+3000), non-breaking and zero-width characters, stray spaces between
/// Chinese characters, decomposed accents. Every field is normalized the same way here so that
/// validation, look-up and duplicate detection all see one canonical form.
package enum TextNormalization {
    /// Normalizes free text such as a name or an address:
    /// Unicode NFC; full-width ASCII letters, digits and space to their ASCII forms (full-width
    /// punctuation such as （） is kept, it is correct Chinese typography); zero-width characters
    /// and byte-order marks removed; every run of whitespace (any Unicode space, tab, newline)
    /// collapsed to one ASCII space; whitespace between two CJK characters removed; leading and
    /// trailing whitespace trimmed.
    package static func text(_ input: String) -> String {
        let composed = input.precomposedStringWithCanonicalMapping
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(composed.unicodeScalars.count)
        var pendingSpace = false
        for scalar in composed.unicodeScalars {
            if isIgnorable(scalar) { continue }
            if isSpace(scalar) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            let folded = foldFullWidthAlphanumeric(scalar)
            if pendingSpace {
                // Drop a space between two CJK characters ("商 洛" is a typo for "商洛").
                if let previous = scalars.last, isCJK(previous), isCJK(folded) {
                    // no space
                } else {
                    scalars.append(" ")
                }
                pendingSpace = false
            }
            scalars.append(folded)
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// Normalizes an identifier typed by a person (ID number, credit code, licence number,
    /// account id): `text(_:)`, then every space and hyphen removed and letters uppercased.
    package static func code(_ input: String) -> String {
        let normalized = text(input)
        var result = String.UnicodeScalarView()
        for scalar in normalized.unicodeScalars where !isSpace(scalar) && !isHyphen(scalar) {
            if ("a"..."z").contains(scalar) {
                result.append(Unicode.Scalar(scalar.value - 0x20)!)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Full-width ASCII letters and digits (U+FF10-FF19, U+FF21-FF3A, U+FF41-FF5A) to ASCII.
    package static func foldFullWidthAlphanumeric(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return Unicode.Scalar(scalar.value - 0xFEE0)!
        default:
            return scalar
        }
    }

    /// Any Unicode whitespace, including the ideographic space U+3000 and no-break spaces.
    package static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x3000
    }

    /// Hyphens and dashes people put inside numbers: - ‐ ‑ ‒ – — ― － and the minus sign.
    package static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D: true
        default: false
        }
    }

    /// Zero-width and formatting characters that carry no text: ZWSP, ZWNJ, ZWJ, word joiner, BOM,
    /// soft hyphen, and the C0/C1 control characters other than whitespace.
    package static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD: return true
        case 0x00...0x1F, 0x7F...0x9F: return !scalar.properties.isWhitespace
        default: return false
        }
    }

    /// CJK ideographs, kana, Hangul and CJK punctuation: scripts written without spaces.
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F,  // CJK symbols and punctuation
             0x3040...0x30FF,  // kana
             0x3400...0x4DBF,  // extension A
             0x4E00...0x9FFF,  // unified ideographs
             0xAC00...0xD7AF,  // Hangul
             0xF900...0xFAFF,  // compatibility ideographs
             0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,  // full-width punctuation
             0x20000...0x3134F:  // extensions B-G
            return true
        default:
            return false
        }
    }
}
