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
        if isPlainNormalizedText(input) { return input }
        let composed = needsCanonicalComposition(input) ? input.precomposedStringWithCanonicalMapping : input
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
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count * 3)
        for scalar in scalars { utf8.append(contentsOf: UTF8.encode(scalar)!) }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Normalizes an identifier typed by a person (ID number, credit code, licence number,
    /// account id): `text(_:)`, then every space and hyphen removed and letters uppercased.
    package static func code(_ input: String) -> String {
        // Fast path: already uppercase ASCII letters and digits only (what a clean form holds).
        var clean = !input.isEmpty
        for byte in input.utf8 where !((byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90)) {
            clean = false
            break
        }
        if clean { return input }
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

    /// True when `text(_:)` would return `input` unchanged, decided in one pass over common
    /// input: printable ASCII, CJK ideographs and CJK/full-width punctuation, single spaces, no
    /// space at either end and none between two CJK characters. Anything else takes the full path.
    static func isPlainNormalizedText(_ input: String) -> Bool {
        var any = false
        var pendingSpace = false
        var previousWasCJK = false
        for scalar in input.unicodeScalars {
            let value = scalar.value
            if value == 0x20 {
                if !any || pendingSpace { return false }  // leading or double space
                pendingSpace = true
                continue
            }
            let cjk: Bool
            switch value {
            case 0x21...0x7E: cjk = false
            case 0xA1...0xAC, 0xAE...0xFF, 0x2010...0x2027, 0x2030...0x205E:
                cjk = false  // Latin-1 letters and signs, general punctuation (·, —, “”, …)
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3001...0x3029, 0x3030...0x303F,
                 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
                cjk = true
            default:
                return false
            }
            if pendingSpace && previousWasCJK && cjk { return false }  // "商 洛" becomes "商洛"
            any = true
            pendingSpace = false
            previousWasCJK = cjk
        }
        return any && !pendingSpace
    }

    /// False when NFC cannot change `input`: every scalar is below U+0300 (no combining marks
    /// possible) or a CJK ideograph, CJK punctuation (not the combining tone marks) or a full-width
    /// form, which have no canonical decompositions. Skips Foundation's normalization for almost
    /// every Chinese field.
    package static func needsCanonicalComposition(_ input: String) -> Bool {
        for scalar in input.unicodeScalars {
            switch scalar.value {
            case 0..<0x300, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF:
                continue
            default:
                return true
            }
        }
        return false
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
        switch scalar.value {
        case 0x21...0x7E, 0x4E00...0x9FFF: return false  // the common case, without a property look-up
        case 0x20, 0x09...0x0D, 0x3000: return true
        default: return scalar.properties.isWhitespace
        }
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
