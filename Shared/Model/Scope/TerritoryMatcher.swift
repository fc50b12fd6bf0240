import Foundation

/// A territory's place forms compiled for fast search: every form of every place (name, short
/// form, aliases, ancient names, traditional forms) in both simplified and traditional script,
/// as Unicode scalars, indexed by first scalar; the longer words likewise.
///
/// Built once per territory (at profile load). ICU's script transforms run here only, never per
/// search, so a scope decision costs microseconds.
package final class TerritoryMatcher: Sendable {
    struct Form: Sendable {
        /// The form as searched (maybe a script variant of `listed`).
        let scalars: [Unicode.Scalar]
        /// Index of the place in the territory.
        let place: Int
        /// The form as listed in the profile.
        let listed: String
        /// The place's own ambiguity reasons for this form (`PlaceName.ambiguity(ofForm:)`).
        let placeAmbiguity: [String]
    }

    let forms: [Form]
    let formsByFirstScalar: [Unicode.Scalar: [Int]]
    /// A 1,024-bit filter over first scalars (bit `value % 1024`): most characters of a text
    /// start no form, and the filter rules them out without hashing.
    let firstScalarFilter: [UInt64]
    let longerWords: [(scalars: [Unicode.Scalar], word: String)]
    /// Characters that, right after a short place form, turn it into another name (both scripts).
    let extendingScalars: Set<Unicode.Scalar>
    /// Administrative suffixes (both scripts): a form ending in one is a full name.
    let administrativeSuffixScalars: Set<Unicode.Scalar>

    /// Division-code prefixes of the territory's regions (`Territory.regionCodes`), as bytes.
    let regionPrefixes: [[UInt8]]

    init(places: [PlaceName], longerWords: [String], regionCodes: [RegionCode]) {
        regionPrefixes = regionCodes.map { Array($0.prefix.utf8) }
        var forms: [Form] = []
        var byFirst: [Unicode.Scalar: [Int]] = [:]
        for (index, place) in places.enumerated() {
            var seen = Set<String>()
            for listed in place.forms {
                for variant in Self.scriptVariants(listed) where seen.insert(variant).inserted {
                    let scalars = Array(variant.unicodeScalars)
                    guard let first = scalars.first else { continue }
                    byFirst[first, default: []].append(forms.count)
                    forms.append(Form(scalars: scalars, place: index, listed: listed,
                                      placeAmbiguity: place.ambiguity(ofForm: listed)))
                }
            }
        }
        self.forms = forms
        formsByFirstScalar = byFirst
        var filter = [UInt64](repeating: 0, count: 16)
        for scalar in byFirst.keys { filter[Int(scalar.value >> 6) & 15] |= 1 << UInt64(scalar.value & 63) }
        firstScalarFilter = filter
        var words: [(scalars: [Unicode.Scalar], word: String)] = []
        for word in longerWords {
            for variant in Set(Self.scriptVariants(word)) { words.append((Array(variant.unicodeScalars), word)) }
        }
        self.longerWords = words
        extendingScalars = Self.bothScripts(PlaceMatcher.extendingCharacters)
        administrativeSuffixScalars = Self.bothScripts(PlaceMatcher.administrativeSuffixes)
    }

    /// The text itself, its simplified form and its traditional form (ICU transforms).
    static func scriptVariants(_ text: String) -> [String] {
        var variants = [text]
        if let simplified = text.applyingTransform(StringTransform("Hant-Hans"), reverse: false), simplified != text {
            variants.append(simplified)
        }
        if let traditional = text.applyingTransform(StringTransform("Hans-Hant"), reverse: false), !variants.contains(traditional) {
            variants.append(traditional)
        }
        return variants
    }

    private static func bothScripts(_ characters: Set<Character>) -> Set<Unicode.Scalar> {
        var result = Set<Unicode.Scalar>()
        for character in characters {
            for variant in scriptVariants(String(character)) { result.formUnion(variant.unicodeScalars) }
        }
        return result
    }

    /// Every (form index, start) where a form occurs in `text`, in text order and, at one start,
    /// in form order.
    func occurrences(in text: [Unicode.Scalar]) -> [(form: Int, start: Int)] {
        var found: [(form: Int, start: Int)] = []
        for start in text.indices {
            let value = text[start].value
            guard firstScalarFilter[Int(value >> 6) & 15] & (1 << UInt64(value & 63)) != 0,
                  let candidates = formsByFirstScalar[text[start]] else { continue }
            for index in candidates {
                let scalars = forms[index].scalars
                guard start + scalars.count <= text.count else { continue }
                var equal = true
                for offset in 1..<scalars.count where text[start + offset] != scalars[offset] {
                    equal = false
                    break
                }
                if equal { found.append((index, start)) }
            }
        }
        return found
    }
}
