/// Masking of sensitive personal information for lists, logs and exports (脱敏显示).
package enum Masking {
    /// An ID number or credit code with the first 3 and last 4 characters shown and the rest
    /// as `*`: `110101199003071234` → `110***********1234`. Normalized first; values of 7
    /// characters or fewer are fully masked.
    package static func idNumber(_ value: String) -> String {
        keep(TextNormalization.code(value), first: 3, last: 4)
    }

    /// A mobile number with the first 3 and last 4 digits shown: `13800138000` → `138****8000`.
    /// A number with a +86/0086 prefix is normalized first; other values are masked the same
    /// way (first 3, last 4).
    package static func mobile(_ value: String) -> String {
        keep(ContactRules.normalizeMobile(value) ?? TextNormalization.code(value), first: 3, last: 4)
    }

    /// An e-mail address with the local part reduced to its first character: `lin@qq.com` →
    /// `l***@qq.com`.
    package static func email(_ value: String) -> String {
        guard let at = value.lastIndex(of: "@"), at > value.startIndex else { return String(repeating: "*", count: value.count) }
        return "\(value[value.startIndex])***\(value[at...])"
    }

    /// A personal name with all but the first character masked: `张三丰` → `张**`.
    package static func name(_ value: String) -> String {
        guard let first = value.first else { return value }
        return String(first) + String(repeating: "*", count: value.count - 1)
    }

    private static func keep(_ text: String, first: Int, last: Int) -> String {
        let chars = Array(text)
        guard chars.count > first + last else { return String(repeating: "*", count: chars.count) }
        return String(chars[..<first]) + String(repeating: "*", count: chars.count - first - last)
            + String(chars[(chars.count - last)...])
    }
}
