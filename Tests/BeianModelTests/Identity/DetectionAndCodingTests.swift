import Foundation
import Testing
@testable import BeianModel

@Suite("Normalization, kind detection, results on the wire, the fast verdict")
struct DetectionAndCodingTests {
    typealias F = IdentityFixtures

    @Test("typed input is normalized first and the normalized form returned", arguments: [
        ("11010519491231002x", "11010519491231002X"),
        ("  110105 19491231 002X\n", "11010519491231002X"),
        ("110105-19491231-002X", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),
        ("１１０１０５　１９４９１２３１　００２ｘ", "11010519491231002X"),
        ("\u{200B}11010519491231002X\u{FEFF}", "11010519491231002X"),
        ("9135 0100 M000 100Y 43", "91350100M000100Y43"),
        ("９１３５０１００ｍ０００１００ｙ４３", "91350100M000100Y43"),
        ("d2143569—x", "D2143569X"),
    ])
    func normalization(input: String, normalized: String) {
        let result = F.check(input)
        #expect(result.normalized == normalized)
        #expect(result.valid, "\(result.reasons)")
    }

    @Test("the fast normalization equals TextNormalization.code on mixed input")
    func normalizationEquivalence() {
        let pieces = ["1", "a", "Z", "x", " ", "-", "\t", "\n", "\u{7F}", "\u{1}", "\u{85}", "\u{A0}", "\u{AD}", "\u{3000}",
                      "\u{2003}", "\u{200B}", "\u{2011}", "\u{2212}", "\u{FEFF}", "\u{FF0D}", "１", "ａ", "Ｚ", "é",
                      "号", "（", "_", ".", "e\u{301}", "\u{1680}", "\u{2028}", "\u{202F}",
                      "😀", "Ｘ", "ｘ", "\u{FF5A}", "\u{FF10}", "\u{FF19}", "\u{FF20}", "\u{FF3B}", "\u{2016}", "\u{9F}", "~"]
        var random = IdentityBenchmarkCorpus.Random(seed: 7)
        for _ in 0..<3_000 {
            let input = (0..<(1 + random.below(12))).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(IdentityValidator.normalize(input) == TextNormalization.code(input), "\(input.unicodeScalars.map(\.value))")
        }
    }

    @Test("kind detection from the shape", arguments: [
        ("11010519491231002X", IdentityKind.residentID),
        ("810000198808080083", .residencePermit),
        ("931840197504030171", .foreignPermanentResidentID),
        ("110105491231002", .legacyResidentID),
        ("91350100M000100Y43", .unifiedSocialCreditCode),
        ("9111000060003IOZSV", .unifiedSocialCreditCode),
        ("D2143569-X", .organizationCode),
        ("ABC123456789012", .unrecognized),
        ("12345", .unrecognized),
        ("", .unrecognized),
        ("1101051949123100号X", .residentID),
    ])
    func detection(input: String, kind: IdentityKind) {
        #expect(IdentityValidator.detectKind(input) == kind)
        #expect(F.check(input).kind == kind)
    }

    @Test("unrecognized input says why", arguments: [
        ("", IdentityIssue.Code.empty),
        ("   ", .empty),
        ("12345", .unrecognizedShape),
        ("ABC123456789012", .unrecognizedShape),
        ("张三", .unrecognizedShape),
    ])
    func unrecognized(input: String, code: IdentityIssue.Code) {
        let result = F.check(input)
        #expect(!result.valid)
        #expect(result.kind == .unrecognized)
        #expect(result.reasons.first?.code == code)
    }

    @Test("all-digit credit codes are found behind a failed person reading")
    func digitCreditCodes() {
        for code in ["121200004013590816", "913205056082348768", "911522010783710635"] {
            let result = F.check(code)
            #expect(result.kind == .unifiedSocialCreditCode)
            #expect(result.valid, "\(code): \(result.reasons)")
            #expect(result.warningCodes.contains(.personNumberShape))
        }
    }

    @Test("a valid person number that is also a valid credit code stays a person number, flagged")
    func bothReadings() throws {
        // 131102 桃城区: as a credit code, 1 = 机构编制, 3 = 群众团体, region 1102xx under 110200.
        let number = try #require((0..<1000).lazy
            .map { IdentityGenerator.residentID(region: 131102, birth: F.day(1980, 1, 1), sequence: $0) }
            .first { F.check($0, as: .unifiedSocialCreditCode).valid })
        let result = F.check(number)
        #expect(result.kind == .residentID)
        #expect(result.valid)
        #expect(result.warningCodes == [.ambiguousKind])
        #expect(F.validator.verdict(number, today: F.today) == IdentityVerdict(kind: .residentID, valid: true))
    }

    @Test("results encode with snake_case keys and bilingual messages, and decode back")
    func coding() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase

        let invalid = F.check("110105-19491231-0021")
        let json = try #require(String(data: try encoder.encode(invalid), encoding: .utf8))
        #expect(json.contains(#""valid":false"#))
        #expect(json.contains(#""kind":"resident_id""#))
        #expect(json.contains(#""birth_date":"1949-12-31""#))
        #expect(json.contains(#""code":"bad_check_character""#))
        #expect(json.contains(#""message_zh":"第 18 位校验码应为“X”，实际为“1”""#))
        #expect(json.contains(#""message_en":"#))
        #expect(json.contains(#""full_name":"北京市朝阳区""#))
        #expect(try decoder.decode(IdentityCheck.self, from: Data(json.utf8)) == invalid)

        for input in ["91350100M000100Y43", "110105491231002", "D2143569X", "12345"] {
            let result = F.check(input)
            let data = try encoder.encode(result)
            #expect(try decoder.decode(IdentityCheck.self, from: data) == result)
        }
    }

    @Test("the fast verdict agrees with the full validation on the benchmark corpus")
    func verdictAgrees() {
        let corpus = IdentityBenchmarkCorpus.generate(count: 4_000, seed: 11)
            + IdentityBenchmarkCorpus.residentIDs(count: 2_000, seed: 12)
            + IdentityBenchmarkCorpus.creditCodes(count: 2_000, seed: 13)
            + ["91350100M000100Y43", "9135A100M000100Y43", "91350100M000100YI3", "91350100M000100Y4I", "B1350100M000100Y43",
               "9111000060003IOZSV", "911100006000373420", "G1110105M000100Y4" + "3"]
        var valid = 0
        for input in corpus {
            let full = F.check(input)
            let verdict = F.validator.verdict(input, today: F.today)
            #expect(verdict == IdentityVerdict(kind: full.kind, valid: full.valid), "\(input)")
            if full.valid { valid += 1 }
        }
        #expect(valid > corpus.count / 2 && valid < corpus.count)
    }

    @Test("the allocation-free credit code reason count equals the full check's, for all-digit numbers")
    func creditReasonCount() {
        let corpus = IdentityBenchmarkCorpus.residentIDs(count: 3_000, seed: 21) + ["121200004013590816", "913205056082348768"]
        for input in corpus {
            var normalized = IdentityValidator.normalize(input)
            guard normalized.utf8.count == 18, normalized.utf8.dropLast().allSatisfy({ (48...57).contains($0) }) else { continue }
            let full = F.check(normalized, as: .unifiedSocialCreditCode).reasons.count
            let counted = normalized.withUTF8 { F.validator.creditCodeReasonCount(digits: $0) }
            #expect(counted == full, "\(input)")
        }
    }

    @Test("the corpus is deterministic and mixes every kind")
    func corpus() {
        #expect(IdentityBenchmarkCorpus.generate(count: 500, seed: 3) == IdentityBenchmarkCorpus.generate(count: 500, seed: 3))
        #expect(IdentityBenchmarkCorpus.generate(count: 500, seed: 3) != IdentityBenchmarkCorpus.generate(count: 500, seed: 4))
        let kinds = Set(IdentityBenchmarkCorpus.generate(count: 2_000, seed: 5).map { F.check($0).kind })
        #expect(kinds == Set(IdentityKind.allCases))
    }

    @Test("IdentityDate: checked construction, leap years, ISO form")
    func dates() {
        #expect(IdentityDate(year: 2000, month: 2, day: 29) != nil)
        #expect(IdentityDate(year: 1900, month: 2, day: 29) == nil)
        #expect(IdentityDate(year: 2023, month: 4, day: 31) == nil)
        #expect(IdentityDate(year: 2023, month: 13, day: 1) == nil)
        #expect(F.day(987, 1, 2).description == "0987-01-02")
        #expect(IdentityDate(Date(timeIntervalSince1970: 1_700_000_000)).description == "2023-11-15")
        #expect(F.day(2024, 1, 1) < F.day(2024, 1, 2))
    }
}
