import Testing
@testable import BeianModel

/// Every generated number validates, and every single-character change of it (each position,
/// each other character) is rejected, both when checked as its kind and when auto-detected.
@Suite("Single-character changes are always caught")
struct SingleChangeTests {
    typealias F = IdentityFixtures

    static let digitsAndX = Array("0123456789X")
    static let codeCharacters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static let residentIDs: [String] = IdentityBenchmarkCorpus.regions.enumerated().map { offset, region in
        IdentityGenerator.residentID(region: region, birth: F.day(1950 + offset * 3, 1 + offset % 12, 1 + offset),
                                     sequence: offset * 37)
    }
    static let permits: [String] = IdentityGenerator.PermitRegion.allCases.map {
        IdentityGenerator.residencePermit($0, birth: F.day(1966, 6, 6), sequence: 66)
    }
    static let foreignerCards: [String] = [(11, 840), (31, 392), (44, 410), (51, 36)].map {
        IdentityGenerator.foreignPermanentResidentID(province: $0.0, nationality: $0.1, birth: F.day(1981, 9, 9),
                                                     sequence: 901)
    }
    /// Bodies with letters in several places, so no single change can make them all digits.
    static let creditCodes: [String] = [("9", "1", 350100, "MA2PBM9H"), ("1", "2", 110105, "4013AB9Y"),
                                        ("5", "3", 440305, "L0H5K2QW"), ("N", "2", 130502, "XY1234QR")].map {
        IdentityGenerator.unifiedSocialCreditCode(authority: $0.0, type: $0.1, region: $0.2, organizationBody: $0.3)
    }
    static let organizationCodes: [String] = ["12345678", "D2143569", "60003734", "00000001", "99999999"].map {
        IdentityGenerator.organizationCode(body: $0)
    }

    static func mutations(of number: String, alphabet: [Character]) -> [(position: Int, text: String)] {
        let characters = Array(number)
        var result: [(Int, String)] = []
        for index in characters.indices {
            for replacement in alphabet where replacement != characters[index] {
                var changed = characters
                changed[index] = replacement
                result.append((index + 1, String(changed)))
            }
        }
        return result
    }

    @Test("person numbers (MOD 11-2)", arguments: [
        (residentIDs, IdentityKind.residentID), (permits, .residencePermit), (foreignerCards, .foreignPermanentResidentID),
    ])
    func personNumbers(numbers: [String], kind: IdentityKind) {
        for number in numbers {
            let original = F.check(number)
            #expect(original.valid && original.kind == kind, "\(number): \(original.reasons)")
            for (position, changed) in Self.mutations(of: number, alphabet: Self.digitsAndX) {
                #expect(!F.check(changed, as: kind).valid, "\(number) → \(changed) (position \(position))")
                // Auto-detection: never accepted as a person number. An all-digit string can
                // coincide with a valid all-digit credit code (about 1 in 1,000 changes); that
                // reading is flagged so the kind gets confirmed.
                let auto = F.check(changed)
                if auto.valid {
                    #expect(auto.kind == .unifiedSocialCreditCode, "\(number) → \(changed) (position \(position), auto)")
                    #expect(auto.warningCodes.contains(.personNumberShape))
                }
            }
        }
    }

    @Test("credit codes (MOD 31), including the letters outside the alphabet")
    func creditCodes() {
        for code in Self.creditCodes {
            #expect(F.check(code).valid, "\(code)")
            for (position, changed) in Self.mutations(of: code, alphabet: Self.codeCharacters) {
                #expect(!F.check(changed, as: .unifiedSocialCreditCode).valid, "\(code) → \(changed) (\(position))")
                #expect(!F.check(changed).valid, "\(code) → \(changed) (\(position), auto)")
            }
        }
    }

    @Test("organization codes: every change is caught except GB 11714's own blind spot")
    func organizationCodes() {
        // Values are 0-9 and A-Z = 10-35, weighted mod 11: a change by a multiple of 11 (1 ↔ C,
        // 0 ↔ B ↔ M ↔ X, ...) in the body keeps the sum, so the standard cannot see it.
        func value(_ character: Character) -> Int {
            character.isNumber ? Int(String(character))! : Int(character.asciiValue!) - 55
        }
        for code in Self.organizationCodes {
            #expect(F.check(code).valid, "\(code)")
            let original = Array(code)
            var blind = 0
            for (position, changed) in Self.mutations(of: code, alphabet: Self.codeCharacters) {
                let from = original[position - 1], to = Array(changed)[position - 1]
                let result = F.check(changed, as: .organizationCode)
                if position == 9 {
                    #expect(!result.valid, "\(code) → \(changed)")
                } else if (value(from) - value(to)).isMultiple(of: 11) {
                    #expect(result.valid, "\(code) → \(changed): expected blind spot")
                    blind += 1
                } else {
                    #expect(!result.valid, "\(code) → \(changed) (\(position))")
                }
            }
            #expect(blind > 0)
        }
    }
}
