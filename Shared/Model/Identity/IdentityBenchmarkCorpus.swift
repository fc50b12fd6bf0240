/// A deterministic mix of valid and invalid identity numbers, for the benchmark and tests.
///
/// Region codes come from a fixed list of codes in the shipped division table, so with that
/// table the "valid" entries validate. The same seed always gives the same corpus.
package enum IdentityBenchmarkCorpus {
    /// Known address codes (current, renamed and retired) used by the corpus.
    package static let regions: [Int] = [
        110101, 110105, 110108, 310104, 330106, 320102, 510104, 420102, 130502, 110103, 500103, 610113,
        370102, 350102, 430102, 210102, 120101, 410105, 340102, 360102, 440106, 320583, 330782, 110110,
    ]

    /// Resident identity numbers only. 80% are clean; the other 20% are changed one way each:
    /// a wrong digit, month 13, an unknown region (all invalid), or a lowercase x / leading
    /// ideographic space / inner spaces (valid after normalization) — about 88% valid overall.
    package static func residentIDs(count: Int, seed: UInt64) -> [String] {
        var random = Random(seed: seed)
        return (0..<count).map { _ in residentID(&random, faulty: random.below(100) < 20) }
    }

    /// A mix of every kind: 60% resident identity numbers (as in `residentIDs`), 8% legacy,
    /// 6% permits, 6% foreigners' cards, 10% credit codes and 6% organization codes (a fifth of
    /// those two with a wrong digit), 4% random garbage — about 86% valid overall.
    package static func generate(count: Int, seed: UInt64) -> [String] {
        var random = Random(seed: seed)
        return (0..<count).map { _ in
            let roll = random.below(100)
            let faulty = random.below(100) < 20
            switch roll {
            case 0..<60: return residentID(&random, faulty: faulty)
            case 60..<68:
                return IdentityGenerator.legacyResidentID(
                    region: regions[random.below(regions.count)], birth: birth(&random, years: 1900...1999),
                    sequence: random.below(1000))
            case 68..<74:
                return IdentityGenerator.residencePermit(
                    IdentityGenerator.PermitRegion.allCases[random.below(3)], birth: birth(&random, years: 1940...2015),
                    sequence: random.below(1000))
            case 74..<80:
                return IdentityGenerator.foreignPermanentResidentID(
                    province: [11, 31, 44, 32, 33][random.below(5)], nationality: [840, 392, 410, 250, 276][random.below(5)],
                    birth: birth(&random, years: 1950...2015), sequence: random.below(1000))
            case 80..<90:
                let code = IdentityGenerator.unifiedSocialCreditCode(
                    authority: "9", type: "1", region: regions[random.below(regions.count)],
                    organizationBody: body(&random, count: 8))
                return faulty ? corrupt(code, &random) : code
            case 90..<96:
                let code = IdentityGenerator.organizationCode(body: body(&random, count: 8))
                return faulty ? corrupt(code, &random) : code
            default:
                return body(&random, count: 5 + random.below(20))
            }
        }
    }

    /// Unified social credit codes only (enterprises, institutions, social organizations,
    /// individual businesses); a fifth with one digit changed (invalid), the rest valid.
    package static func creditCodes(count: Int, seed: UInt64) -> [String] {
        var random = Random(seed: seed)
        let categories: [(Character, Character)] = [("9", "1"), ("9", "2"), ("1", "1"), ("1", "2"), ("5", "1"), ("5", "2")]
        return (0..<count).map { _ in
            let (authority, type) = categories[random.below(categories.count)]
            let code = IdentityGenerator.unifiedSocialCreditCode(
                authority: authority, type: type, region: regions[random.below(regions.count)],
                organizationBody: body(&random, count: 8))
            return random.below(100) < 20 ? corrupt(code, &random) : code
        }
    }

    private static func residentID(_ random: inout Random, faulty: Bool) -> String {
        let region = regions[random.below(regions.count)]
        let id = IdentityGenerator.residentID(region: region, birth: birth(&random, years: 1930...2020),
                                              sequence: random.below(1000))
        guard faulty else { return id }
        switch random.below(5) {
        case 0: return corrupt(id, &random)
        case 1: return String(id.prefix(10)) + "13" + String(id.dropFirst(12))  // month 13
        case 2: return "999999" + String(id.dropFirst(6))  // unknown region
        case 3: return id.replacingX()
        default: return String(id.prefix(6)) + " " + String(id.dropFirst(6).prefix(8)) + " " + String(id.suffix(4))
        }
    }

    private static func birth(_ random: inout Random, years: ClosedRange<Int>) -> IdentityDate {
        let year = years.lowerBound + random.below(years.count)
        let month = 1 + random.below(12)
        let day = 1 + random.below(IdentityDate.daysInMonth(year: year, month: month))
        return IdentityDate(year: year, month: month, day: day)!
    }

    private static func body(_ random: inout Random, count: Int) -> String {
        let alphabet = IdentityChecksum.creditCodeAlphabet
        return String(decoding: (0..<count).map { _ in alphabet[random.below(alphabet.count)] }, as: UTF8.self)
    }

    /// Changes one character to another digit (keeps the shape, breaks the check).
    private static func corrupt(_ code: String, _ random: inout Random) -> String {
        var bytes = Array(code.utf8)
        let index = random.below(bytes.count - 1)
        let old = bytes[index]
        repeat { bytes[index] = UInt8(48 + random.below(10)) } while bytes[index] == old
        return String(decoding: bytes, as: UTF8.self)
    }

    /// SplitMix64: small, fast, deterministic.
    struct Random {
        private var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }
}

extension String {
    /// A trailing X lowercased, otherwise an ideographic space in front (exercises normalization).
    fileprivate func replacingX() -> String {
        hasSuffix("X") ? String(dropLast()) + "x" : "　" + self
    }
}
