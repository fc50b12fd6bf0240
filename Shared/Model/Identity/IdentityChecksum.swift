/// Check-character algorithms of the identity standards, on ASCII bytes.
///
/// - Resident identity numbers (GB 11643-1999) and foreigners' permanent residence cards:
///   ISO 7064 MOD 11-2 over 17 digits, weights 2^(18-i) mod 11 = 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2,
///   check characters "10X98765432" indexed by the weighted sum mod 11.
/// - Organization codes (GB 11714-1997): weights 3,7,9,10,5,8,4,2 over 8 characters valued
///   0-9 and A-Z = 10-35; C9 = 11 - (sum mod 11), 10 written X, 11 written 0.
/// - Unified social credit codes (GB 32100-2015): characters valued by their index in
///   "0123456789ABCDEFGHJKLMNPQRTUWXY", weights 3^(i-1) mod 31 =
///   1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28; C18 = 31 - (sum mod 31), 31 written 0.
package enum IdentityChecksum {
    /// The 31 characters of unified social credit codes, in value order.
    package static let creditCodeAlphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// Weights of the 8 body characters of an organization code.
    package static let organizationCodeWeights: [Int] = [3, 7, 9, 10, 5, 8, 4, 2]
    /// Weights of the 17 body characters of a unified social credit code.
    package static let creditCodeWeights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Value of each byte in the credit code alphabet, 0xFF for bytes outside it.
    package static let creditCodeValues: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in creditCodeAlphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    /// MOD 11-2 check character for the 17 digits at `start` (ASCII), or `nil` if one is not a digit.
    @inline(__always)
    package static func residentCheckCharacter(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> UInt8? {
        // Horner's rule: sum of d_k * 2^(17-k), doubled below, equals sum of d_k * 2^(18-k).
        var acc = 0
        var index = start
        let end = start + 17
        while index < end {
            let digit = Int(bytes[index] &- 48)
            if digit > 9 || digit < 0 { return nil }
            acc = acc &* 2 &+ digit
            index += 1
        }
        return residentCheckByte((acc &* 2) % 11)
    }

    /// The check character for a weighted sum mod 11 (0 → "1", 1 → "0", 2 → "X", 3 → "9", ...).
    @inline(__always)
    package static func residentCheckByte(_ remainder: Int) -> UInt8 {
        switch remainder {
        case 0: UInt8(ascii: "1")
        case 1: UInt8(ascii: "0")
        case 2: UInt8(ascii: "X")
        default: UInt8(truncatingIfNeeded: 48 + 12 - remainder)
        }
    }

    /// MOD 11-2 check character of 17 ASCII digits given as a string, or `nil` if not 17 digits.
    package static func residentCheckCharacter(_ body: String) -> Character? {
        var body = body
        return body.withUTF8 { buffer in
            guard buffer.count == 17 else { return nil }
            return residentCheckCharacter(buffer).map { Character(Unicode.Scalar($0)) }
        }
    }

    /// GB 11714 value of a body character: 0-9 → 0-9, A-Z → 10-35, otherwise `nil`.
    @inline(__always)
    package static func organizationValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte) - 48
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte) - 55
        default: nil
        }
    }

    /// GB 11714 check character of the 8 characters at `start`, or `nil` if one is not 0-9/A-Z.
    package static func organizationCheckCharacter(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> UInt8? {
        var sum = 0
        for offset in 0..<8 {
            guard let value = organizationValue(bytes[start + offset]) else { return nil }
            sum += value * organizationCodeWeights[offset]
        }
        let check = 11 - sum % 11
        switch check {
        case 10: return UInt8(ascii: "X")
        case 11: return UInt8(ascii: "0")
        default: return UInt8(48 + check)
        }
    }

    /// GB 11714 check character of an 8-character body given as a string, or `nil` if not valid.
    package static func organizationCheckCharacter(_ body: String) -> Character? {
        var body = body
        return body.withUTF8 { buffer in
            guard buffer.count == 8 else { return nil }
            return organizationCheckCharacter(buffer).map { Character(Unicode.Scalar($0)) }
        }
    }

    /// GB 32100 check character of the 17 characters at `start`, or `nil` if one is outside the alphabet.
    ///
    /// The weights are 3^(i-1) mod 31, so the weighted sum is taken by Horner's rule from the
    /// last character back (no weight table), reduced mod 31 once at the end.
    @inline(__always)
    package static func creditCodeCheckCharacter(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> UInt8? {
        creditCodeValues.withUnsafeBufferPointer { values in
            var sum = 0
            var index = start + 16
            while index >= start {
                let value = values[Int(bytes[index])]
                if value == 0xFF { return nil }
                sum = sum &* 3 &+ Int(value)
                index -= 1
            }
            return creditCodeAlphabet.withUnsafeBufferPointer { $0[(31 - sum % 31) % 31] }
        }
    }

    /// GB 32100 check character of a 17-character body given as a string, or `nil` if not valid.
    package static func creditCodeCheckCharacter(_ body: String) -> Character? {
        var body = body
        return body.withUTF8 { buffer in
            guard buffer.count == 17 else { return nil }
            return creditCodeCheckCharacter(buffer).map { Character(Unicode.Scalar($0)) }
        }
    }
}
