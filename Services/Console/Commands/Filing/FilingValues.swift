import BeianModel

/// The vocabulary of filing forms as people type it (Chinese labels, English wire values,
/// spreadsheet spellings), mapped to the wire values intake expects. Shared by the `submit` flags
/// and the CSV import. Every function returns nil for a value it does not know, so that callers
/// can pass the text on unchanged and let intake explain what is wrong with it.
enum FilingValues {
    /// A platform: wire value (`douyin`), Chinese name or alias (抖音, 微信公众号, 头条号 ...).
    static func platform(_ text: String) -> Platform? {
        let cleaned = TextNormalization.text(text)
        if let platform = Platform(rawValue: cleaned.lowercased()) { return platform }
        if let platform = Platform.named(cleaned) { return platform }
        let extra: [String: Platform] = [
            "微信": .wechatOfficialAccount, "微信订阅号": .wechatOfficialAccount, "微信服务号": .wechatOfficialAccount,
            "wechat": .wechatOfficialAccount, "weibo": .sinaWeibo, "新浪": .sinaWeibo, "头条": .toutiao,
            "一点资讯号": .yidian, "企鹅媒体平台": .penguin, "百度百家号": .baijia, "凤凰号": .dafeng,
            "凤凰大风号": .dafeng, "uc大鱼号": .dayu, "腾讯看点": .kandian, "其他": .other, "其它": .other,
        ]
        return extra[cleaned.lowercased()] ?? extra[cleaned]
    }

    /// Unit type (单位类型): 机关, 企业, 群众团体, 媒体, 其他组织, or the wire value.
    static func unitType(_ text: String) -> String? {
        let cleaned = TextNormalization.text(text)
        if let type = UnitType(rawValue: cleaned.lowercased()) { return type.rawValue }
        if let type = UnitType.allCases.first(where: { $0.zh == cleaned }) { return type.rawValue }
        let extra: [String: UnitType] = [
            "党政机关": .organ, "政府机关": .organ, "行政机关": .organ, "事业单位": .other, "公司": .enterprise,
            "社会团体": .massOrganization, "人民团体": .massOrganization, "新闻媒体": .media, "其他": .other, "其它": .other,
        ]
        return extra[cleaned]?.rawValue
    }

    /// Public-sector status (党政机关, 国有企业, 事业单位, 人民团体), or the wire value.
    static func publicSector(_ text: String) -> String? {
        let cleaned = TextNormalization.text(text)
        if let sector = PublicSector(rawValue: cleaned.lowercased()) { return sector.rawValue }
        if let sector = PublicSector.allCases.first(where: { $0.zh == cleaned }) { return sector.rawValue }
        let extra: [String: PublicSector] = ["国企": .stateEnterprise, "政府机关": .partyGovernmentBody,
                                             "机关": .partyGovernmentBody]
        return extra[cleaned]?.rawValue
    }

    /// Business scope items (业务范围): a list separated by 、 ; ； , ， / or spaces, each a form label
    /// (便民服务, 新闻发布 ...) or wire value; unknown items are kept as typed.
    static func businessScope(_ text: String) -> [String] {
        items(text).map { item in
            if let scope = BusinessScope(rawValue: item.lowercased()) { return scope.rawValue }
            return BusinessScope.allCases.first { $0.zh == item }?.rawValue ?? item
        }
    }

    /// Content forms (形式): 文字, 图片, 语音/音频, 视频, or wire values; unknown items kept.
    static func forms(_ text: String) -> [String] {
        items(text).map { item in
            if let form = ContentForm(rawValue: item.lowercased()) { return form.rawValue }
            if item == "音频" || item == "声音" { return ContentForm.audio.rawValue }
            if item == "文本" || item == "图文" { return ContentForm.text.rawValue }
            return ContentForm.allCases.first { $0.zh == item }?.rawValue ?? item
        }
    }

    /// Object kind: 账号/新媒体账号, 网站, APP/应用, 小程序, or the wire value.
    static func objectKind(_ text: String) -> String? {
        let cleaned = TextNormalization.text(text).lowercased()
        if let kind = ObjectKind(rawValue: cleaned) { return kind.rawValue }
        let names: [String: ObjectKind] = [
            "账号": .account, "新媒体账号": .account, "公众账号": .account, "自媒体": .account, "网站": .website,
            "app": .app, "应用": .app, "移动应用": .app, "客户端": .app, "小程序": .miniProgram,
        ]
        return names[cleaned]?.rawValue
    }

    /// Operator kind: 单位 / 个人, or the wire value.
    static func operatorKind(_ text: String) -> String? {
        let cleaned = TextNormalization.text(text).lowercased()
        if let kind = OperatorKind(rawValue: cleaned) { return kind.rawValue }
        let names: [String: OperatorKind] = ["单位": .unit, "机构": .unit, "组织": .unit, "个人": .individual,
                                             "自然人": .individual]
        return names[cleaned]?.rawValue
    }

    /// Server hosting (托管方式): 本单位内部管理 / 服务器托管 (the names intake takes), 自有服务器,
    /// 内部管理, 托管, 外地托管, 租用 ..., or the wire value.
    static func hosting(_ text: String) -> String? {
        let cleaned = TextNormalization.text(text)
        if let hosting = EnumParsing.value(Hosting.self, cleaned.lowercased()) ?? EnumParsing.value(Hosting.self, cleaned) {
            return hosting.rawValue
        }
        let names: [String: Hosting] = [
            "自有": .inHouse, "自有服务器": .inHouse, "自建": .inHouse, "内部管理": .inHouse, "本单位管理": .inHouse,
            "托管": .hostedElsewhere, "外地托管": .hostedElsewhere, "在外地托管": .hostedElsewhere,
            "租用": .hostedElsewhere, "托管/租用": .hostedElsewhere, "服务器租用": .hostedElsewhere,
        ]
        return names[cleaned]?.rawValue
    }

    /// Website type (网站类型): 新闻类, 政务类, 商业类, 社会类 (also without 类), or the wire value.
    static func siteType(_ text: String) -> String? {
        let cleaned = TextNormalization.text(text)
        if let type = EnumParsing.value(SiteType.self, cleaned.lowercased()) ?? EnumParsing.value(SiteType.self, cleaned) {
            return type.rawValue
        }
        let names: [String: SiteType] = [
            "新闻": .news, "新闻网站": .news, "政务": .government, "政务网站": .government, "政府网站": .government,
            "商业": .commercial, "企业网站": .commercial, "商业网站": .commercial, "社会": .nonProfit,
            "公益": .nonProfit, "非营利": .nonProfit,
        ]
        return names[cleaned]?.rawValue
    }

    /// A filing status: wire value (`accepted`) or Chinese name (已备案, 退回补正 ...).
    static func status(_ text: String) -> String? {
        let cleaned = TextNormalization.text(text)
        if let status = FilingStatus(rawValue: cleaned.lowercased()) { return status.rawValue }
        return FilingStatus.allCases.first { $0.zh == cleaned }?.rawValue
    }

    /// Timeliness: wire value (`on_time`), Chinese word (按期, 逾期备案 …) or synonym (按时, 逾期 …).
    static func timeliness(_ text: String) -> String? {
        Timeliness.named(text)?.rawValue
    }

    /// Identity verification: `pending`, `verified`, `invalid`, or 待核验, 已核验, 核验未通过.
    static func verification(_ text: String) -> String? {
        let cleaned = TextNormalization.text(text)
        let names = ["pending": "pending", "verified": "verified", "invalid": "invalid", "待核验": "pending",
                     "已核验": "verified", "核验未通过": "invalid", "未通过": "invalid"]
        return names[cleaned.lowercased()] ?? names[cleaned]
    }

    /// Yes or no: 是/否, 有/无, 已取得/未取得, yes/no, true/false, y/n, 1/0, √/×; nil when unclear.
    static func yesNo(_ text: String) -> Bool? {
        let cleaned = TextNormalization.text(text).lowercased()
        if ["是", "有", "已取得", "取得", "yes", "y", "true", "1", "√", "✓", "对"].contains(cleaned) { return true }
        if ["否", "无", "没有", "未取得", "不是", "no", "n", "false", "0", "×", "✗", "-"].contains(cleaned) { return false }
        return nil
    }

    /// A follower count: 12000, 12,000, 1.2万, 3万+, 5000以上 (the number itself); nil when not a number.
    static func followers(_ text: String) -> Int? {
        var cleaned = TextNormalization.text(text).replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: "，", with: "").replacingOccurrences(of: " ", with: "")
        for suffix in ["以上", "+", "多", "人", "个"] where cleaned.hasSuffix(suffix) {
            cleaned = String(cleaned.dropLast(suffix.count))
        }
        var multiplier = 1.0
        if cleaned.hasSuffix("万") || cleaned.lowercased().hasSuffix("w") {
            multiplier = 10_000
            cleaned = String(cleaned.dropLast())
        }
        if let whole = Int(cleaned), multiplier == 1 { return whole >= 0 ? whole : nil }
        guard let number = Double(cleaned), number >= 0, number.isFinite, number * multiplier < 1e12 else { return nil }
        return Int((number * multiplier).rounded())
    }

    /// A date as `YYYY-MM-DD` from 2021-05-01, 2021/5/1, 2021.5.1, 2021年5月1日, 20210501; the text
    /// unchanged when it is none of these (intake then says why).
    static func date(_ text: String) -> String {
        var cleaned = TextNormalization.text(text)
        // Spreadsheet exports add a time of day: "2021-05-01 00:00:00".
        if let space = cleaned.firstIndex(of: " "), cleaned[space...].contains(":") {
            cleaned = String(cleaned[..<space])
        }
        let digitsOnly = cleaned.filter(\.isNumber)
        if digitsOnly.count == 8, digitsOnly == cleaned {
            let year = digitsOnly.prefix(4), month = digitsOnly.dropFirst(4).prefix(2), day = digitsOnly.suffix(2)
            return "\(year)-\(month)-\(day)"
        }
        let parts = cleaned.split(whereSeparator: { "-/.年月日 ".contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
              parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 else { return cleaned }
        func pad(_ part: String) -> String { part.count == 1 ? "0" + part : part }
        return "\(parts[0])-\(pad(parts[1]))-\(pad(parts[2]))"
    }

    /// Whether `text` is a date as `date(_:)` writes it (`YYYY-MM-DD`), so that dates compare as text.
    static func isDate(_ text: String) -> Bool {
        text.utf8.count == 10 && text.enumerated().allSatisfy { index, character in
            index == 4 || index == 7 ? character == "-" : character.isASCII && character.isNumber
        }
    }

    /// The items of a list cell.
    static func items(_ text: String) -> [String] {
        TextNormalization.text(text).split(whereSeparator: { "、;；,，/|".contains($0) || $0 == " " })
            .map { TextNormalization.text(String($0)) }.filter { !$0.isEmpty }
    }
}
