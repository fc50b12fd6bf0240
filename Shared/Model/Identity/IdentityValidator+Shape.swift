/// Shape checks shared by the kinds: character classes, lengths, kind detection, byte helpers.
extension IdentityValidator {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }
    @inline(__always) static func isCapital(_ byte: UInt8) -> Bool { byte &- 65 < 26 }

    /// Whether every byte is 0-9 or A-Z.
    @inline(__always)
    static func isASCIIAlphanumeric(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where !(isDigit(byte) || isCapital(byte)) { return false }
        return true
    }

    /// Whether every byte is 0-9.
    @inline(__always)
    static func isDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where !isDigit(byte) { return false }
        return true
    }

    /// Whether every byte is 0-9, the last one possibly X.
    @inline(__always)
    static func isDigitsWithCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let last = bytes.count - 1
        for index in 0..<last where !isDigit(bytes[index]) { return false }
        return isDigit(bytes[last]) || bytes[last] == UInt8(ascii: "X")
    }

    /// Kind of an 18-digit person number by its prefix: 9 foreigner's card; 810000, 820000,
    /// 830000 residence permit; otherwise resident identity number.
    @inline(__always)
    static func personKind(_ bytes: UnsafeBufferPointer<UInt8>) -> IdentityKind {
        if bytes[0] == UInt8(ascii: "9") { return .foreignPermanentResidentID }
        if bytes[0] == UInt8(ascii: "8"), bytes[1] &- UInt8(ascii: "1") < 3, bytes[2] == 48, bytes[3] == 48,
           bytes[4] == 48, bytes[5] == 48 {
            return .residencePermit
        }
        return .residentID
    }

    /// Integer value of `count` ASCII digits at `start` (caller has checked they are digits).
    @inline(__always)
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int {
        var result = 0
        for index in start..<(start + count) { result = result &* 10 &+ Int(bytes[index] &- 48) }
        return result
    }

    /// The bytes at `start..<start+count` as a string (small strings do not allocate).
    @inline(__always)
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]), as: UTF8.self)
    }

    /// Character classes of positions (names in `IdentityIssue.CharacterClass`).
    enum CharacterClass {
        case digit, digitOrX, codeCharacter, creditCodeCharacter

        /// The wire name used in `bad_character` issues.
        var name: String {
            switch self {
            case .digit: IdentityIssue.CharacterClass.digit
            case .digitOrX: IdentityIssue.CharacterClass.digitOrX
            case .codeCharacter: IdentityIssue.CharacterClass.codeCharacter
            case .creditCodeCharacter: IdentityIssue.CharacterClass.creditCodeCharacter
            }
        }

        /// Whether an ASCII byte belongs to the class.
        @inline(__always)
        func allows(_ byte: UInt8) -> Bool {
            switch self {
            case .digit: IdentityValidator.isDigit(byte)
            case .digitOrX: IdentityValidator.isDigit(byte) || byte == UInt8(ascii: "X")
            case .codeCharacter: IdentityValidator.isDigit(byte) || IdentityValidator.isCapital(byte)
            case .creditCodeCharacter: byte < 128 && IdentityChecksum.creditCodeValues[Int(byte)] != 0xFF
            }
        }
    }

    /// The character class allowed at a 1-based position of a kind.
    @inline(__always)
    static func allowedClass(_ kind: IdentityKind, position: Int) -> CharacterClass {
        switch kind {
        case .residentID, .residencePermit, .foreignPermanentResidentID: position == 18 ? .digitOrX : .digit
        case .legacyResidentID: .digit
        case .organizationCode: position == 9 ? .digitOrX : .codeCharacter
        case .unifiedSocialCreditCode: (3...8).contains(position) ? .digit : .creditCodeCharacter
        case .unrecognized: .codeCharacter
        }
    }

    /// One `bad_character` issue per character not allowed at its position.
    static func badCharacters(_ characters: [Character], as kind: IdentityKind) -> [IdentityIssue] {
        var issues: [IdentityIssue] = []
        for (offset, character) in characters.enumerated() {
            let allowed = allowedClass(kind, position: offset + 1)
            if !(character.asciiValue.map(allowed.allows) ?? false) {
                issues.append(.badCharacter(character, at: offset + 1, allowed: allowed.name))
            }
        }
        return issues
    }

    /// Shape issues of ASCII bytes read as a kind: wrong length, else the bad characters.
    @inline(__always)
    static func shapeIssues(_ bytes: UnsafeBufferPointer<UInt8>, as kind: IdentityKind) -> [IdentityIssue] {
        guard let length = kind.length else { return [] }
        if bytes.count != length { return [.wrongLength(expected: length, found: bytes.count)] }
        var issues: [IdentityIssue] = []
        for index in 0..<length {
            let allowed = allowedClass(kind, position: index + 1)
            if !allowed.allows(bytes[index]) {
                issues.append(.badCharacter(Character(Unicode.Scalar(bytes[index])), at: index + 1, allowed: allowed.name))
            }
        }
        return issues
    }

    /// The kind a number with characters outside 0-9/A-Z most likely meant, by its length.
    static func guessKind(nonASCII normalized: String) -> IdentityKind {
        let characters = Array(normalized)
        switch characters.count {
        case 18:
            let letters = characters.dropLast().contains { $0.isASCII && $0.isLetter }
            return letters ? .unifiedSocialCreditCode : characters.first == "9" ? .foreignPermanentResidentID : .residentID
        case 15: return .legacyResidentID
        case 9: return .organizationCode
        default: return .unrecognized
        }
    }

    /// The result for input with characters outside 0-9/A-Z after normalization (Chinese
    /// characters, punctuation): the length or the bad characters, read as `result.kind`.
    func shapeFailure(into result: inout IdentityCheck) {
        let characters = Array(result.normalized)
        if let length = result.kind.length {
            result.reasons = characters.count == length ? Self.badCharacters(characters, as: result.kind)
                : [.wrongLength(expected: length, found: characters.count)]
        } else {
            result.reasons = [IdentityIssue(.unrecognizedShape, found: String(characters.count))]
                + Self.badCharacters(characters, as: .unrecognized)
        }
    }
}
