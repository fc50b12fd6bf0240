/// Platforms the five notices name (服务类型), plus `other` with a free name.
package enum Platform: String, Hashable, Sendable, Codable, CaseIterable {
    /// 微信公众号 (WeChat official account).
    case wechatOfficialAccount = "wechat_official_account"
    /// 新浪微博.
    case sinaWeibo = "sina_weibo"
    /// 抖音号.
    case douyin
    /// 快手号.
    case kuaishou
    /// 今日头条号 / 头条号.
    case toutiao
    /// 小红书.
    case xiaohongshu
    /// 企鹅号 (Tencent).
    case penguin
    /// 百家号 (Baidu).
    case baijia
    /// 网易号.
    case netease
    /// 一点号 / 一点资讯号.
    case yidian
    /// 搜狐号.
    case sohu
    /// 大风号 (Phoenix).
    case dafeng
    /// 大鱼号 (Alibaba UC).
    case dayu
    /// 看点号 (Tencent Kandian).
    case kandian
    /// 天天快报.
    case tiantianKuaibao = "tiantian_kuaibao"
    /// Any other platform; its name goes in `PlatformAccount.otherPlatformName`.
    case other

    /// The usual Chinese name.
    package var zh: String {
        switch self {
        case .wechatOfficialAccount: "微信公众号"
        case .sinaWeibo: "新浪微博"
        case .douyin: "抖音号"
        case .kuaishou: "快手号"
        case .toutiao: "今日头条号"
        case .xiaohongshu: "小红书"
        case .penguin: "企鹅号"
        case .baijia: "百家号"
        case .netease: "网易号"
        case .yidian: "一点号"
        case .sohu: "搜狐号"
        case .dafeng: "大风号"
        case .dayu: "大鱼号"
        case .kandian: "看点号"
        case .tiantianKuaibao: "天天快报"
        case .other: "其他"
        }
    }

    /// Other names seen in the notices and forms (simplified and traditional).
    package var aliases: [String] {
        switch self {
        case .wechatOfficialAccount: ["微信公众账号", "官方微信订阅号", "公众号", "微信公眾號", "微信公眾賬號"]
        case .sinaWeibo: ["新浪微博号", "新浪微博账号", "微博", "官方微博", "新浪微博號"]
        case .douyin: ["抖音", "抖音號"]
        case .kuaishou: ["快手", "快手號"]
        case .toutiao: ["头条号", "今日头条", "頭條號"]
        case .xiaohongshu: ["小红书号", "小紅書"]
        case .penguin: ["企鵝號"]
        case .baijia: []
        case .netease: ["網易號"]
        case .yidian: ["一点资讯号", "一点资讯", "一點號"]
        case .sohu: ["搜狐號"]
        case .dafeng: ["大風號"]
        case .dayu: ["大魚號"]
        case .kandian: ["看點號"]
        case .tiantianKuaibao: ["天天快报号", "天天快報號", "天天快報"]
        case .other: []
        }
    }

    /// The platform a Chinese name designates (after `TextNormalization.text`), or nil.
    package static func named(_ text: String) -> Platform? {
        let name = TextNormalization.text(text)
        return allCases.first { $0 != .other && ($0.zh == name || $0.aliases.contains(name)) }
    }
}
