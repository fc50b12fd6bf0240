import Testing
@testable import BeianModel

@Suite("Text normalization")
struct TextNormalizationTests {
    @Test("free text", arguments: [
        ("  商洛发布  ", "商洛发布"),
        ("商 洛　发布", "商洛发布"),
        ("Ｓｈａｎｇｌｕｏ　Ｄａｉｌｙ", "Shangluo Daily"),
        ("开平\u{200B}日报", "开平日报"),
        ("Shangluo   \t Daily", "Shangluo Daily"),
        ("商洛高新区（商丹园区）", "商洛高新区（商丹园区）"),
        ("Cafe\u{301}", "Café"),
        ("１２３", "123"),
        ("\u{FEFF}衡东发布\n", "衡东发布"),
    ])
    func text(input: String, expected: String) {
        #expect(TextNormalization.text(input) == expected)
    }

    @Test("codes", arguments: [
        (" １１０１０１ １９９００３０７ １２３ｘ ", "11010119900307123X"),
        ("9144-0300-MA5F-XXXX-0x", "91440300MA5FXXXX0X"),
        ("138 0013 8000", "13800138000"),
    ])
    func code(input: String, expected: String) {
        #expect(TextNormalization.code(input) == expected)
    }
}

@Suite("Text normalization fast path")
struct TextNormalizationFastPathTests {
    @Test("the fast path agrees with the full normalization", arguments: [
        "商洛发布", "Shangluo Daily", "商洛 Daily", "商 洛", " 商洛", "商洛 ", "a  b", "开平（长沙）", "１２３", "Ａ",
        "Cafe\u{301}", "\u{200B}x", "x\ty", "商洛·发布", "", " ", "ABC123", "abc", "13800138000", "商洛\u{3000}发布",
    ])
    func agrees(input: String) {
        let full = TextNormalization.text(input)
        if TextNormalization.isPlainNormalizedText(input) { #expect(full == input) }
        #expect(TextNormalization.text(full) == full)
    }

    @Test("common clean input takes the fast path; input needing work does not")
    func fastPathTaken() {
        for plain in ["商洛发布", "Shangluo Daily", "商洛 Daily", "开平（长沙）", "ABC123"] {
            #expect(TextNormalization.isPlainNormalizedText(plain), "\(plain)")
        }
        for needsWork in ["商 洛", " 商洛", "商洛 ", "a  b", "１２３", "Cafe\u{301}", "x\ty", ""] {
            #expect(!TextNormalization.isPlainNormalizedText(needsWork), "\(needsWork)")
        }
    }

    @Test("codes: clean input passes through, anything else is normalized", arguments: [
        ("11010119900307123X", "11010119900307123X"), ("11010119900307123x", "11010119900307123X"), ("", ""),
    ])
    func codes(input: String, expected: String) {
        #expect(TextNormalization.code(input) == expected)
    }
}
