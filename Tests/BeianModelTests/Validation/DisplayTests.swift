import BeianModel
import Testing

@Suite("Masking and name collation")
struct DisplayTests {
    @Test("ID numbers and mobiles are masked", arguments: [
        (Masking.idNumber("110101199003071234"), "110***********1234"),
        (Masking.idNumber("44078319900101123x"), "440***********123X"),
        (Masking.idNumber("1234567"), "*******"),
        (Masking.mobile("13800138000"), "138****8000"),
        (Masking.mobile("+86 138 0013 8000"), "138****8000"),
        (Masking.email("lin@qq.com"), "l***@qq.com"),
        (Masking.name("张三丰"), "张**"),
    ])
    func masking(masked: String, expected: String) {
        #expect(masked == expected)
    }

    @Test("Chinese names sort by pinyin with zh_CN collation")
    func pinyin() {
        #expect(NameCollation.isPinyinAvailable)
        #expect(NameCollation.sorted(["张三", "李四", "王五", "赵六", "安娜", "陈七", "阿明", "刘燕龙", "韩涛"])
                == ["阿明", "安娜", "陈七", "韩涛", "李四", "刘燕龙", "王五", "张三", "赵六"])
        #expect(NameCollation.compare("李伟", "李伟") == .orderedSame)
    }

    @Test("Platform names are recognized from the notices' wording", arguments: [
        ("今日头条号", Platform.toutiao), ("一点资讯号", .yidian), ("微信公眾號", .wechatOfficialAccount),
        ("天天快报", .tiantianKuaibao), ("官方微博", .sinaWeibo),
    ])
    func platformNames(text: String, platform: Platform) {
        #expect(Platform.named(text) == platform)
    }
}
