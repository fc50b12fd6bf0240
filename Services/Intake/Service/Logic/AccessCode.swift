import BeianModel
import BeianTLS

/// The operator's secret access code (查询码), shown once on the receipt; the store keeps only
/// its keyed hash (`FieldCipher.lookupHash`).
///
/// 20 characters from a 32-letter alphabet without look-alikes (no 0, 1, I, O): 100 random bits,
/// printed in groups of five (`7K2MQ-XW4TR-A9PLD-3HNVE`). Hyphens, spaces, full-width letters and
/// lower case are accepted back (`TextNormalization.code`).
package enum AccessCode {
    /// The alphabet of codes and filing ids.
    package static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")

    /// The look-up purpose under which the hash is computed.
    package static let purpose = "filing.access_code"

    /// A new random code.
    package static func generate() -> String {
        let symbols = randomSymbols(count: 20)
        return stride(from: 0, to: symbols.count, by: 5).map { String(symbols[$0..<($0 + 5)]) }
            .joined(separator: "-")
    }

    /// `count` random symbols of the alphabet (5 random bits each, no modulo bias).
    package static func randomSymbols(count: Int) -> [Character] {
        SecureRandom.bytes(count: count).map { alphabet[Int($0 & 0x1F)] }
    }
}

/// Comparison that takes the same time whatever the contents (for secrets).
package enum ConstantTime {
    /// Whether `lhs` and `rhs` are equal, examining every byte of both (lengths may leak).
    package static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}

/// Public filing ids (备案受理编号): the office code and 12 random symbols, `440783-7K2MQXW4TRA9`.
/// Random, so that ids reveal neither how many filings an office has nor which comes next.
package enum FilingIdentifier {
    /// A new id for `officeCode`.
    package static func generate(officeCode: String) -> String {
        "\(officeCode)-" + String(AccessCode.randomSymbols(count: 12))
    }

    /// A filing id as people type or paste it, in the form ids are stored in: `TextNormalization.text`
    /// (full-width letters and digits folded, whitespace trimmed), spaces removed, any dash or hyphen
    /// (－ — ‐ …) made `-`, letters uppercased; an id typed without its dash (`440783` then 12
    /// symbols) gets it back. Like access codes (`TextNormalization.code`), except that the dash
    /// stays. Anything else is returned so normalized and then fails `isWellFormed` or the look-up.
    package static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in TextNormalization.text(text).unicodeScalars where !TextNormalization.isSpace(scalar) {
            scalars.append(TextNormalization.isHyphen(scalar) ? "-" : scalar)
        }
        let id = String(scalars).uppercased()
        if !id.contains("-"), id.count == 18, id.prefix(6).allSatisfy({ $0.isASCII && $0.isNumber }) {
            return "\(id.prefix(6))-\(id.dropFirst(6))"
        }
        return id
    }

    /// Whether `text` has the shape of a filing id (checked before any look-up).
    package static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 6, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts[1].count == 12 else { return false }
        return parts[1].allSatisfy { AccessCode.alphabet.contains($0) }
    }
}
