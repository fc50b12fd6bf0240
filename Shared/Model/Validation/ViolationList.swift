import Foundation

/// Collects violations while a validator walks an input; checks normalize and return the
/// normalized value so that the stored form is the checked form.
package struct ViolationList: Sendable {
    /// Violations so far.
    package private(set) var violations: [FieldViolation] = []

    /// Creates an empty list.
    package init() {}

    /// Whether nothing was found.
    package var isEmpty: Bool { violations.isEmpty }

    /// Records a violation.
    package mutating func add(_ field: String, _ rule: String, zh: String, en: String) {
        violations.append(FieldViolation(field: field, rule: rule, messageZh: zh, messageEn: en))
    }

    /// Records `required` for a missing value.
    package mutating func required(_ field: String, _ labelZh: String, _ labelEn: String) {
        add(field, "required", zh: "\(labelZh)不能为空", en: "\(labelEn) is required")
    }

    /// Normalizes free text (`TextNormalization.text`); nil for nil or empty. Records `too_long`
    /// beyond `maxLength` characters.
    package mutating func optionalText(_ value: String?, _ field: String, _ labelZh: String, _ labelEn: String,
                                       maxLength: Int = 100) -> String? {
        guard let value else { return nil }
        let text = TextNormalization.text(value)
        guard !text.isEmpty else { return nil }
        if text.count > maxLength {
            add(field, "too_long", zh: "\(labelZh)不能超过\(maxLength)个字符（现有\(text.count)个）",
                en: "\(labelEn) must be at most \(maxLength) characters (has \(text.count))")
        }
        return text
    }

    /// Like `optionalText`, and records `required` when missing or empty.
    package mutating func requiredText(_ value: String?, _ field: String, _ labelZh: String, _ labelEn: String,
                                       maxLength: Int = 100) -> String? {
        let text = optionalText(value, field, labelZh, labelEn, maxLength: maxLength)
        if text == nil { required(field, labelZh, labelEn) }
        return text
    }

    /// Normalizes an identifier (`TextNormalization.code`); records `required` when missing.
    package mutating func requiredCode(_ value: String?, _ field: String, _ labelZh: String, _ labelEn: String,
                                       maxLength: Int = 64) -> String? {
        let code = value.map(TextNormalization.code) ?? ""
        guard !code.isEmpty else {
            required(field, labelZh, labelEn)
            return nil
        }
        if code.count > maxLength {
            add(field, "too_long", zh: "\(labelZh)不能超过\(maxLength)个字符",
                en: "\(labelEn) must be at most \(maxLength) characters")
        }
        return code
    }

    /// Parses an enum from its snake_case raw value or its Chinese name (`EnumParsing`); records
    /// `required`, `enum_value` or `enum_ambiguous`.
    package mutating func requiredEnum<E: RawRepresentable & CaseIterable>(
        _ type: E.Type, _ value: String?, _ field: String, _ labelZh: String, _ labelEn: String
    ) -> E? where E.RawValue == String {
        guard let value, !TextNormalization.text(value).isEmpty else {
            required(field, labelZh, labelEn)
            return nil
        }
        return optionalEnum(type, value, field, labelZh, labelEn)
    }

    /// Parses an optional enum value (raw value or Chinese name, `EnumParsing`); records
    /// `enum_value` when present but unknown, `enum_ambiguous` for a Chinese name several cases share.
    package mutating func optionalEnum<E: RawRepresentable & CaseIterable>(
        _ type: E.Type, _ value: String?, _ field: String, _ labelZh: String, _ labelEn: String
    ) -> E? where E.RawValue == String {
        guard let value else { return nil }
        let raw = TextNormalization.text(value)
        guard !raw.isEmpty else { return nil }
        switch EnumParsing.match(type, raw) {
        case .value(let parsed):
            return parsed
        case .ambiguous(let cases):
            let codes = cases.map(\.rawValue)
            add(field, "enum_ambiguous",
                zh: "\(labelZh)的取值“\(raw)”可指\(codes.joined(separator: "、"))，请填写其中一个代码",
                en: "\(labelEn) \"\(raw)\" may mean any of: \(codes.joined(separator: ", ")); give the code")
            return nil
        case .unknown:
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            // In Chinese, each code with its name, both accepted: douyin（抖音号）、sina_weibo（新浪微博）…
            let allowedZh = E.allCases.map { value in
                EnumParsing.acceptedChineseName(value).map { "\(value.rawValue)（\($0)）" } ?? value.rawValue
            }.joined(separator: "、")
            add(field, "enum_value", zh: "\(labelZh)的取值“\(raw)”无效，可选：\(allowedZh)",
                en: "\(labelEn) \"\(raw)\" is not one of: \(allowed)")
            return nil
        }
    }

    /// Parses an optional ISO date; records `date_format`, and `not_in_future` when after `today`.
    package mutating func optionalDate(_ value: String?, _ field: String, _ labelZh: String, _ labelEn: String,
                                       notAfter today: CivilDate?) -> CivilDate? {
        guard let value else { return nil }
        var scalars = String.UnicodeScalarView()
        for scalar in TextNormalization.text(value).unicodeScalars where !TextNormalization.isSpace(scalar) {
            scalars.append(TextNormalization.isHyphen(scalar) ? "-" : scalar)
        }
        let text = String(scalars)
        guard !text.isEmpty else { return nil }
        guard let date = try? CivilDate(iso: text) else {
            add(field, "date_format", zh: "\(labelZh)“\(value)”不是有效日期，格式应为YYYY-MM-DD",
                en: "\(labelEn) \"\(value)\" is not a valid date YYYY-MM-DD")
            return nil
        }
        if let today, date > today {
            add(field, "not_in_future", zh: "\(labelZh)不能晚于今天（\(today)）",
                en: "\(labelEn) must not be after today (\(today))")
        }
        return date
    }

    /// Normalizes and checks a required mainland mobile number (`ContactRules.normalizeMobile`).
    package mutating func requiredMobile(_ value: String?, _ field: String) -> String? {
        guard let value, !TextNormalization.code(value).isEmpty else {
            required(field, "手机号码", "Mobile number")
            return nil
        }
        return optionalMobile(value, field)
    }

    /// Normalizes and checks an optional mobile number; records `mobile_format`.
    package mutating func optionalMobile(_ value: String?, _ field: String) -> String? {
        guard let value, !TextNormalization.code(value).isEmpty else { return nil }
        if let mobile = ContactRules.normalizeMobile(value) { return mobile }
        add(field, "mobile_format", zh: "手机号码“\(value)”格式不正确，应为11位大陆手机号（1开头，第二位3-9）",
            en: "mobile \"\(value)\" is not an 11-digit mainland mobile number starting 13-19")
        return nil
    }

    /// Normalizes and checks an optional e-mail address; records `email_format`.
    package mutating func optionalEmail(_ value: String?, _ field: String) -> String? {
        guard let value else { return nil }
        let text = ContactRules.normalizeEmail(value)
        guard !text.isEmpty else { return nil }
        if ContactRules.isEmail(text) { return text }
        add(field, "email_format", zh: "电子邮箱“\(value)”格式不正确", en: "e-mail \"\(value)\" is not a valid address")
        return nil
    }
}

extension ViolationList {
    /// Normalizes and checks an optional WeChat id (`ContactRules.isWeChatID`); records
    /// `wechat_format`.
    package mutating func optionalWeChat(_ value: String?, _ field: String) -> String? {
        guard let value else { return nil }
        let text = TextNormalization.text(value).replacingOccurrences(of: " ", with: "")
        guard !text.isEmpty else { return nil }
        if let mobile = ContactRules.normalizeMobile(text) { return mobile }
        if ContactRules.isWeChatID(text) { return text }
        add(field, "wechat_format", zh: "微信号“\(value)”格式不正确（6-20位，字母开头，可含字母、数字、_、-；或手机号）",
            en: "WeChat id \"\(value)\" is not valid (6-20 characters, a letter first, letters, digits, _ or -; or a mobile)")
        return nil
    }
}
