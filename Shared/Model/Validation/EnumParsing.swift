/// What a typed value names among the cases of an enum with snake_case raw values.
package enum EnumMatch<Value> {
    /// Exactly one case: by its raw value or its Chinese name.
    case value(Value)
    /// A Chinese name that several cases share: refused rather than guessed.
    case ambiguous([Value])
    /// No case.
    case unknown
}

/// Parsing of enum values as forms and clients send them: the raw value (`douyin`) or, for
/// `ChineseNamed` enums, the Chinese name (抖音号). Tolerant as the rest of the product is
/// (`TextNormalization.text`: full-width letters and digits, surrounding and repeated whitespace),
/// exact on the word itself (no aliases, no case folding of raw values).
package enum EnumParsing {
    /// The case `text` names.
    package static func match<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ text: String) -> EnumMatch<E>
        where E.RawValue == String {
        let cleaned = TextNormalization.text(text)
        if let value = E(rawValue: cleaned) { return .value(value) }
        let named = E.allCases.filter { chineseName($0).map(TextNormalization.text) == cleaned }
        switch named.count {
        case 0: return .unknown
        case 1: return .value(named[0])
        default: return .ambiguous(named)
        }
    }

    /// The case `text` names, or nil (unknown or ambiguous).
    package static func value<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ text: String) -> E?
        where E.RawValue == String {
        if case .value(let value) = match(type, text) { return value }
        return nil
    }

    /// The Chinese name of `value` when its enum has them and no other case shares it (a shared
    /// name is not accepted, so it is not offered either).
    package static func acceptedChineseName<E: RawRepresentable & CaseIterable>(_ value: E) -> String?
        where E.RawValue == String {
        guard let name = chineseName(value) else { return nil }
        let sharing = E.allCases.filter { chineseName($0).map(TextNormalization.text) == TextNormalization.text(name) }
        return sharing.count == 1 ? name : nil
    }

    private static func chineseName<E>(_ value: E) -> String? { (value as? any ChineseNamed)?.zh }
}
