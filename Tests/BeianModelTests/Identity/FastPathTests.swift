@testable import BeianModel
import BeianJSON
import Testing

/// The validators' fast paths against their references, over many generated numbers.
@Suite("Identity fast paths")
struct FastPathTests {
    typealias F = IdentityFixtures

    /// Generated numbers of every kind, valid and invalid, typed cleanly and with variants.
    static let numbers: [String] = IdentityBenchmarkCorpus.generate(count: 20_000, seed: 11)
        + IdentityBenchmarkCorpus.residentIDs(count: 20_000, seed: 12)
        + IdentityBenchmarkCorpus.creditCodes(count: 5_000, seed: 13)
        + ["", "X", "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ", "110105194912310021", "11010519491331002X",
           "91350100M000100Y43", "110105491231002", "810000199001010011", "91350100M000100Y4３"]

    @Test("validate with the fast path equals the check through detection, value and JSON")
    func validateEqualsReference() throws {
        var differences = 0
        for number in Self.numbers {
            let fast = F.validator.validate(number, today: F.today)
            let reference = F.validator.validateWithoutFastPath(number, today: F.today)
            let sameJSON = try JSONCoding.encode(fast) == JSONCoding.encode(reference)
            guard fast != reference || !sameJSON else { continue }
            differences += 1
            if differences <= 5 { Issue.record("\(number): \(fast) != \(reference)") }
        }
        #expect(differences == 0)
        #expect(Self.numbers.filter { F.validator.validate($0, today: F.today).valid }.count > 30_000)
    }

    @Test("facts survive copies and changes of a result (copy on write of the box)")
    func copyOnWrite() {
        let original = F.check("11010519491231002X")
        var changed = original
        changed.person = nil
        #expect(original.person?.birthDate == "1949-12-31")
        #expect(changed.person == nil)
        var organization = original
        organization.organization = IdentityCheck.Organization(organizationCode: "12345678X")
        #expect(organization.organization?.organizationCode == "12345678X")
        #expect(organization.person == original.person)
        #expect(original.organization == nil)
    }

    @Test("the credit code check character by Horner's rule equals the weighted sum of GB 32100")
    func creditCodeCheckCharacter() {
        let alphabet = IdentityChecksum.creditCodeAlphabet
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<20_000 {
            var body: [UInt8] = []
            var sum = 0
            for position in 0..<17 {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                let value = Int(state % 31)
                body.append(alphabet[value])
                sum += value * IdentityChecksum.creditCodeWeights[position]
            }
            let expected = alphabet[(31 - sum % 31) % 31]
            let found = body.withUnsafeBufferPointer { IdentityChecksum.creditCodeCheckCharacter($0) }
            #expect(found == expected, "\(String(decoding: body, as: UTF8.self))")
        }
        let outside = Array("9135010000010010I".utf8)
        #expect(outside.withUnsafeBufferPointer { IdentityChecksum.creditCodeCheckCharacter($0) } == nil)
    }

    @Test("the pair table without copies agrees with find", arguments: Array(UInt8(0x20)..<UInt8(0x80)))
    func knownPairs(authority: UInt8) {
        for type in UInt8(0)..<UInt8(200) {
            #expect(CreditCodeCategory.isKnown(authority: authority, type: type)
                == (CreditCodeCategory.find(authority: authority, type: type) != nil))
        }
    }
}
