@testable import IntakeService
import Testing

@Suite("Search texts: the gram tokens stored for short-name search")
struct SearchTextTests {
    /// The tokens as first written to databases (one string per token, a set of strings): stored
    /// tokens and query tokens must never change, or old rows stop matching new queries.
    static func referenceGrams(_ names: [String]) -> String {
        func token(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            var result = ""
            for scalar in scalars {
                let digits = String(scalar.value, radix: 36)
                result += String(repeating: "0", count: 4 - digits.count) + digits
            }
            return result
        }
        var seen = Set<String>()
        var tokens: [String] = []
        for name in names {
            let scalars = Array(SearchText.gramForm(name).unicodeScalars)
            for index in scalars.indices {
                let unigram = token(scalars[index...index])
                if seen.insert(unigram).inserted { tokens.append(unigram) }
                guard index + 1 < scalars.count else { continue }
                let bigram = token(scalars[index...(index + 1)])
                if seen.insert(bigram).inserted { tokens.append(bigram) }
            }
        }
        return tokens.joined(separator: " ")
    }

    static let names = [
        "", "a", "商", "商洛", "商洛生活123", "商洛商洛商洛", "長安書院", "长安书院", "ABC abc", "Ⅻ号", "😀直播😀",
        "𠀀𠀁 extension B", "王秀英", "Kaiping 开平 DOUYIN", "\u{10FFFF}\u{0}", "丹", "洛南县融媒体中心", "a\u{1F}b",
    ]

    @Test("tokens are those of the first implementation, for names of every kind")
    func sameAsReference() {
        for first in Self.names {
            for second in Self.names {
                #expect(SearchText.grams(first, second) == Self.referenceGrams([first, second]), "\(first) / \(second)")
            }
        }
    }

    @Test("a query token is the stored token of the same text")
    func queryTokens() {
        for text in ["丹", "洛南", "ab", "😀a"] {
            let query = SearchText.gramQuery(SearchText.gramForm(text))
            #expect(query.map { SearchText.grams(text).split(separator: " ").contains(Substring($0)) } == true, "\(text)")
        }
        #expect(SearchText.gramQuery("三个字") == nil)
        #expect(SearchText.token(["a"]) == "002p")
        #expect(SearchText.token(["\u{10FFFF}", "0"]) == "nvnj001c")
    }

    @Test("script folding: traditional characters become simplified, others stay, folding twice changes nothing")
    func folding() {
        #expect(SearchText.foldScript("長安書院") == "长安书院")
        #expect(SearchText.foldScript("開平市東興鎮") == "开平市东兴镇")
        for text in ["长安书院", "商洛生活123", "ABC", "😀𠀀", ""] { #expect(SearchText.foldScript(text) == text) }
        for text in Self.names { #expect(SearchText.foldScript(SearchText.foldScript(text)) == SearchText.foldScript(text)) }
    }
}
