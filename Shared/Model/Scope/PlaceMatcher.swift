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

    /// Every place of `territory` found in `text`, in text order.
    package static func matches(in text: String, field: String, territory: Territory) -> [PlaceMatch] {
        let normalized = Array(TextNormalization.text(text))
        guard !normalized.isEmpty else { return [] }
        let foldedText = Array(foldToSimplified(String(normalized)))
        var found: [Candidate] = []
        for haystack in foldedText == normalized ? [normalized] : [normalized, foldedText] {
            for place in territory.places {
                for form in place.forms {
                    let needle = Array(form)
                    for start in occurrences(of: needle, in: haystack) {
                        found.append(Candidate(place: place, form: form, start: start, length: needle.count,
                                               text: String(normalized.count == haystack.count
                                                   ? normalized[start..<(start + needle.count)] : needle[...]),
                                               haystack: haystack))
                    }
                }
            }
        }
        let kept = found.filter { candidate in
            !found.contains { other in
                other.length > candidate.length && other.start <= candidate.start
                    && other.start + other.length >= candidate.start + candidate.length
            }
        }
        var seen = Set<String>()
        var result: [PlaceMatch] = []
        for candidate in kept.sorted(by: { ($0.start, $0.place.name) < ($1.start, $1.place.name) }) {
            guard seen.insert("\(candidate.place.name)@\(candidate.start)").inserted else { continue }
            result.append(PlaceMatch(place: candidate.place.name, matchedText: candidate.text, field: field,
                                     offset: candidate.start,
                                     ambiguity: ambiguity(of: candidate, territory,
                                                          context: foldedText.count == normalized.count
                                                              ? foldedText : candidate.haystack),
                                     localOffice: candidate.place.localOffice))
        }
        return result
    }

    private struct Candidate {
        let place: PlaceName
        let form: String
        let start: Int
        let length: Int
        let text: String
        let haystack: [Character]
    }

    /// `context` is the simplified text when it aligns with the original, so that longer words
    /// and following characters are checked in one script (開平方 contains 开平方).
    private static func ambiguity(of candidate: Candidate, _ territory: Territory, context: [Character]) -> [String] {
        var reasons = candidate.place.ambiguity(ofForm: candidate.form)
        let end = candidate.start + candidate.length
        for word in territory.longerWords {
            let needle = Array(foldToSimplified(word))
            for start in occurrences(of: needle, in: context)
            where start <= candidate.start && start + needle.count >= end && needle.count > candidate.length {
                reasons.append("inside the longer word \(word)")
            }
        }
        if let last = foldToSimplified(candidate.form).last, !administrativeSuffixes.contains(last), end < context.count,
           extendingCharacters.contains(context[end]),
           !reasons.contains(where: { $0.hasPrefix("inside") }) {
            let word = String(context[candidate.start...end])
            reasons.append("inside the longer word \(word) (followed by \(context[end]))")
        }
        return reasons
    }

    /// Start offsets of `needle` in `haystack`.
    static func occurrences(of needle: [Character], in haystack: [Character]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var starts: [Int] = []
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { starts.append(start) }
        }
        return starts
    }
}
