/// Valid and invalid identity numbers for tests, built with the national check-character rules.
enum TestIdentityNumbers {
    /// A resident ID number (GB 11643) with a correct check character.
    static func resident(region: String, birth: String = "19900307", sequence: Int = 123) -> String {
        let body = region + birth + String(format3(sequence))
        return body + String(residentCheck(body))
    }

    /// The same number with a wrong check character.
    static func residentWithBadCheck(region: String, birth: String = "19900307", sequence: Int = 123) -> String {
        let valid = resident(region: region, birth: birth, sequence: sequence)
        let wrong: Character = valid.last == "1" ? "2" : "1"
        return String(valid.dropLast()) + String(wrong)
    }

    /// A unified social credit code (GB 32100) registered in `region`.
    static func creditCode(region: String, body: String = "MA5AB12C", authority: Character = "1",
                           type: Character = "1") -> String {
        let organization = body + String(organizationCheck(body))
        let seventeen = String(authority) + String(type) + region + organization
        return seventeen + String(creditCheck(seventeen))
    }

    static func residentCheck(_ body17: String) -> Character {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return Array("10X98765432")[sum % 11]
    }

    static func organizationCheck(_ body8: String) -> Character {
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body8, weights).reduce(0) { $0 + value36($1.0) * $1.1 }
        let check = 11 - sum % 11
        return check == 10 ? "X" : check == 11 ? "0" : Character(String(check))
    }

    static let creditAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    static func creditCheck(_ body17: String) -> Character {
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let sum = zip(body17, weights).reduce(0) { $0 + (creditAlphabet.firstIndex(of: $1.0) ?? 99) * $1.1 }
        return creditAlphabet[(31 - sum % 31) % 31]
    }

    static func value36(_ character: Character) -> Int {
        if let digit = character.wholeNumberValue { return digit }
        return Int(character.asciiValue ?? 0) - 55
    }

    private static func format3(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
}
