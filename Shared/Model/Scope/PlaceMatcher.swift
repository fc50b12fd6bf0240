import Foundation

/// Finds the territory's place names in free text (names, addresses).
///
/// Rules:
/// 1. The text is normalized (`TextNormalization.text`) and also folded from traditional to
///    simplified characters (ICU `Hant-Hans`), and every form of every place (name, short
///    form, aliases, ancient names, traditional forms) is searched in both.
/// 2. A match contained in a longer match at the same place in the text is dropped
///    (邢台县 wins over 邢台 inside it).
/// 3. A match is *ambiguous* (cannot decide alone, needs staff review) when
///    - the form is shared with another place (`sharedWith`: 长沙; the full official name only
///      when `fullNameShared`: 桥东区) or the short form is an ordinary word (`commonWord`: 百合);
///    - it lies inside one of the territory's `longerWords` found in the text (沙河口, 开平方);
///    - it is a short form (not ending in an administrative suffix) directly followed by a
///      character that makes a different place name: a suffix (市 县 区 镇 乡 村 街 路 道 巷) or a
///      geographic word (口 湾 港 桥 坝 岭 峪 沟 洼 堡 屯 营 寨 庄 铺 集 店 滩 洲 渡 关 坊 埠 岗 冈).
///      "开平发布" is clean; "开平路" (a street in many cities) and "开平区" (唐山) are not.
package enum PlaceMatcher {
    /// Characters that, right after a short place form, turn it into another name.
    package static let extendingCharacters: Set<Character> = Set(
        "市县区镇乡村街路道巷口湾港桥坝岭峪沟洼堡屯营寨庄铺集店滩洲渡关坊埠岗冈")

    /// Administrative suffixes: a form ending in one is a full name.
    package static let administrativeSuffixes: Set<Character> = Set("市县区镇乡村州旗盟处")

    /// Folds traditional characters to simplified (開平 → 开平) with ICU; the input when the
    /// transform is unavailable.
    package static func foldToSimplified(_ text: String) -> String {
        text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
    }

    /// Every place of `territory` found in `text`, in text order. Offsets count Unicode scalars
    /// of the normalized text (the same as characters for Chinese text).
    package static func matches(in text: String, field: String, territory: Territory) -> [PlaceMatch] {
        let normalized = Array(TextNormalization.text(text).unicodeScalars)
        guard !normalized.isEmpty else { return [] }
        let matcher = territory.matcher
        let found = matcher.occurrences(in: normalized)
        guard !found.isEmpty else { return [] }
        let lengths = found.map { matcher.forms[$0.form].scalars.count }
        var result: [PlaceMatch] = []
        var seen: [(place: Int, start: Int)] = []  // a text holds few matches: a list, not a set
        // `found` is in text order and, at one position, in form order, which is the order of
        // the places in the profile (forms are compiled place by place).
        for candidate in found.indices {
            let (formIndex, start) = found[candidate]
            let length = lengths[candidate]
            // A match inside a longer match at the same place in the text is dropped (邢台县 wins over 邢台).
            let contained = found.indices.contains { other in
                lengths[other] > length && found[other].start <= start && found[other].start + lengths[other] >= start + length
            }
            guard !contained else { continue }
            let form = matcher.forms[formIndex]
            guard !seen.contains(where: { $0 == (form.place, start) }) else { continue }
            seen.append((form.place, start))
            let place = territory.places[form.place]
            result.append(PlaceMatch(place: place.name, matchedText: string(normalized[start..<(start + length)]), field: field, offset: start,
                                     ambiguity: ambiguity(place: place, form: form, start: start, length: length,
                                                          text: normalized, matcher: matcher),
                                     localOffice: place.localOffice))
        }
        return result
    }

    private static func ambiguity(place: PlaceName, form: TerritoryMatcher.Form, start: Int, length: Int,
                                  text: [Unicode.Scalar], matcher: TerritoryMatcher) -> [String] {
        var reasons = form.placeAmbiguity
        let end = start + length
        var insideLongerWord = false
        for (scalars, word) in matcher.longerWords where scalars.count > length && scalars.count <= text.count {
            let earliest = max(0, end - scalars.count)
            let latest = min(start, text.count - scalars.count)
            guard earliest <= latest else { continue }
            for wordStart in earliest...latest where text[wordStart..<(wordStart + scalars.count)].elementsEqual(scalars) {
                reasons.append("inside the longer word \(word)")
                insideLongerWord = true
                break
            }
        }
        if let last = form.scalars.last, !matcher.administrativeSuffixScalars.contains(last), end < text.count,
           matcher.extendingScalars.contains(text[end]), !insideLongerWord {
            reasons.append("inside the longer word \(string(text[start...end])) (followed by \(text[end]))")
        }
        return reasons
    }

    /// A string from Unicode scalars.
    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}
