/// Normalization of typed numbers before checking, with fast paths for the common inputs.
///
/// The result always equals `TextNormalization.code(input)`; the fast paths only avoid its
/// Unicode machinery for input that is already canonical (returned as is), plain ASCII, or ASCII
/// mixed with full-width letters and digits, Unicode spaces, zero-width characters and hyphens.
extension IdentityValidator {
    /// Canonical form of a typed number: full-width folded, spaces, hyphens and invisible
    /// characters removed, letters uppercased (`TextNormalization.code`).
    package static func normalize(_ input: String) -> String {
        var text = input
        let state = text.withUTF8 { bytes -> UInt8 in
            var state: UInt8 = 0  // 0 canonical, 1 ASCII needing work, 2 not ASCII
            for byte in bytes where !(isDigit(byte) || isCapital(byte)) {
                if byte >= 0x80 { return 2 }
                state = 1
            }
            return state
        }
        switch state {
        case 0: return input
        case 1: return normalizeASCII(text)
        default: return normalizeCommonScalars(input) ?? TextNormalization.code(input)
        }
    }

    /// ASCII-only input: drop spaces, control characters and hyphens, uppercase letters.
    private static func normalizeASCII(_ input: String) -> String {
        var text = input
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = 0
                for byte in bytes where byte > 0x20 && byte != 0x7F && byte != UInt8(ascii: "-") {
                    buffer[count] = byte &- 97 < 26 ? byte &- 32 : byte
                    count += 1
                }
                return count
            }
        }
    }

    /// Input of ASCII, full-width ASCII letters and digits, Unicode spaces, zero-width and
    /// control characters and hyphens only; `nil` for anything else (left to TextNormalization).
    ///
    /// Every character kept becomes ASCII, so the result is written byte by byte into a string
    /// no longer than the input's UTF-8.
    private static func normalizeCommonScalars(_ input: String) -> String? {
        var text = input
        return text.withUTF8 { bytes -> String? in
            var failed = false
            let result = String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = 0
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    var value: UInt32
                    switch lead {
                    case 0..<0x80:
                        value = UInt32(lead)
                        index += 1
                    case 0xC2..<0xE0 where index + 1 < bytes.count:
                        value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    case 0xE0..<0xF0 where index + 2 < bytes.count:
                        value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                            | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    default:
                        failed = true  // four-byte scalars are never among the common ones
                        return 0
                    }
                    switch value {
                    case 0x61...0x7A: value -= 0x20
                    case 0x00...0x20, 0x7F...0xA0, 0xAD, 0x2D: continue  // controls, spaces, soft hyphen, hyphen
                    case 0x21...0x7E: break
                    case 0xFF10...0xFF19, 0xFF21...0xFF3A: value -= 0xFEE0
                    case 0xFF41...0xFF5A: value -= 0xFEE0 + 0x20
                    case 0x1680, 0x2000...0x200D, 0x2010...0x2015, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x2212,
                         0x3000, 0xFE63, 0xFEFF, 0xFF0D:
                        continue  // Unicode spaces, zero-width characters, dashes, minus, full-width hyphen
                    default:
                        failed = true
                        return 0
                    }
                    buffer[count] = UInt8(truncatingIfNeeded: value)
                    count += 1
                }
                return count
            }
            return failed ? nil : result
        }
    }
}
