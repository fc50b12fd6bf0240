import Foundation

/// Contact rules shared by every form: mainland mobile numbers, e-mail addresses, WeChat ids.
package enum ContactRules {
    /// The 11-digit mainland mobile number in `input`, or nil.
    ///
    /// Normalizes first (`TextNormalization.code`: full-width digits, spaces and hyphens), then
    /// drops an international prefix `+86`, `0086` or `86` (only when 13 digits remain for the
    /// last). Valid numbers have 11 digits, start with 1 and have 3-9 as the second digit.
    package static func normalizeMobile(_ input: String) -> String? {
        var text = TextNormalization.code(input)
        text = text.replacingPrefix("(+86)", with: "").replacingPrefix("（+86）", with: "")
        if text.hasPrefix("+86") {
            text.removeFirst(3)
        } else if text.hasPrefix("0086") {
            text.removeFirst(4)
        } else if text.hasPrefix("86"), text.count == 13 {
            text.removeFirst(2)
        }
        return isMobile(text) ? text : nil
    }

    /// Whether `text` is exactly an 11-digit mainland mobile number (no normalization).
    package static func isMobile(_ text: String) -> Bool {
        let digits = Array(text.utf8)
        guard digits.count == 11, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        return digits[0] == UInt8(ascii: "1") && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[1])
    }

    /// E-mail as stored: `TextNormalization.text`, spaces removed, full-width ＠ folded, domain
    /// lowercased.
    package static func normalizeEmail(_ input: String) -> String {
        let text = TextNormalization.text(input).replacingOccurrences(of: "＠", with: "@")
            .replacingOccurrences(of: " ", with: "")
        guard let at = text.lastIndex(of: "@") else { return text }
        return String(text[..<at]) + "@" + text[text.index(after: at)...].lowercased()
    }

    /// Practical e-mail syntax: one `@`; a local part of 1-64 characters from letters, digits and
    /// ``!#$%&'*+/=?^_`{|}~.-`` without leading, trailing or double dots; a domain of at least two
    /// dot-separated labels of letters, digits and hyphens (not at a label's ends), the last
    /// label alphabetic and at least 2 long; at most 254 characters in all.
    package static func isEmail(_ text: String) -> Bool {
        guard text.count <= 254, text.isASCII else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~.-")
        guard (1...64).contains(local.count), local.allSatisfy(localAllowed.contains),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return false }
        }
        guard let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else { return false }
        return true
    }

    /// A WeChat id as WeChat allows it (6-20 characters: a letter first, then letters, digits,
    /// `_` or `-`), or a mobile number (people often give the phone they added WeChat with).
    package static func isWeChatID(_ text: String) -> Bool {
        if normalizeMobile(text) != nil { return true }
        guard (6...20).contains(text.count), let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }

    fileprivate var isASCII: Bool { unicodeScalars.allSatisfy(\.isASCII) }
}

extension Substring {
    fileprivate var isASCII: Bool { unicodeScalars.allSatisfy(\.isASCII) }
}
