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
