/// Bilingual messages of identity issues, derived from the code and facts.
extension IdentityIssue {
    /// The message in Chinese, for operators and staff.
    package var messageChinese: String {
        let at = position.map { "第 \($0) 位" } ?? ""
        let found = self.found ?? "", expected = self.expected ?? ""
        switch code {
        case .empty: return "号码为空"
        case .wrongLength: return "长度应为 \(expected) 位，实际为 \(found) 位"
        case .badCharacter: return "\(at)字符“\(found)”无效，此处应为\(Self.chineseClass(expected))"
        case .badBirthMonth: return "出生日期 \(Self.dashed(found)) 的月份无效"
        case .badBirthDay: return "出生日期 \(Self.dashed(found)) 的日无效（该月没有这一天）"
        case .birthDateInFuture: return "出生日期 \(Self.dashed(found)) 晚于今天（\(expected)）"
        case .birthDateBefore1900: return "出生日期 \(Self.dashed(found)) 早于 1900 年 1 月 1 日"
        case .unknownRegion: return "\(at)起的地址码 \(found) 不是已知的行政区划代码（现行或已撤销）"
        case .badCheckCharacter: return "\(at)校验码应为“\(expected)”，实际为“\(found)”"
        case .kindMismatch:
            return "这是\(Self.chineseKind(found))，不是\(Self.chineseKind(expected))"
        case .unknownRegistrationAuthority: return "\(at)登记管理部门代码“\(found)”未定义"
        case .unknownOrganizationType: return "\(at)登记管理部门“\(found.prefix(1))”下没有机构类别代码“\(found.dropFirst())”"
        case .unrecognizedShape: return "无法识别号码类型：长度 \(found) 位，且不是 9、15 或 18 位的证件号码或代码格式"
        case .embeddedOrganizationCodeCheck:
            return "其中的组织机构代码校验码应为“\(expected)”，实际为“\(found)”（部分早期代码如此，仍然有效）"
        case .regionNotInDivisionList: return "登记管理机关行政区划码 \(found) 不在行政区划代码表中（可能是开发区等自编代码）"
        case .regionRetiredBeforeBirth: return "地址码 \(found) 在 \(expected) 年后已撤销，早于出生年份"
        case .organizationTypeNotInStandardTable:
            return "机构类别“\(found)”不在 GB 32100-2015 原表中，是后来新增的类别"
        case .ambiguousKind: return "该号码同时是有效的\(Self.chineseKind(found))"
        case .personNumberShape:
            return "号码全为数字，也可能是输错的\(Self.chineseKind(found))（按其校验不通过），请确认证件类型"
        default: return code.rawValue
        }
    }

    /// The message in English, for logs and foreign staff.
    package var messageEnglish: String {
        let at = position.map { " at position \($0)" } ?? ""
        let found = self.found ?? "", expected = self.expected ?? ""
        switch code {
        case .empty: return "the number is empty"
        case .wrongLength: return "expected \(expected) characters, found \(found)"
        case .badCharacter: return "character '\(found)'\(at) is not allowed; expected \(Self.englishClass(expected))"
        case .badBirthMonth: return "birth date \(Self.dashed(found)) has an invalid month"
        case .badBirthDay: return "birth date \(Self.dashed(found)) has an invalid day (no such day in that month)"
        case .birthDateInFuture: return "birth date \(Self.dashed(found)) is after today (\(expected))"
        case .birthDateBefore1900: return "birth date \(Self.dashed(found)) is before 1900-01-01"
        case .unknownRegion: return "region code \(found)\(at) is not a known (current or retired) division code"
        case .badCheckCharacter: return "check character\(at) should be '\(expected)', found '\(found)'"
        case .kindMismatch:
            return "this is a \(Self.englishKind(found)), not a \(Self.englishKind(expected))"
        case .unknownRegistrationAuthority: return "registration authority code '\(found)'\(at) is not defined"
        case .unknownOrganizationType:
            return "organization type '\(found.dropFirst())'\(at) is not defined for authority '\(found.prefix(1))'"
        case .unrecognizedShape:
            return "cannot tell the kind: \(found) characters, not the shape of a 9, 15 or 18 character number"
        case .embeddedOrganizationCodeCheck:
            return "the embedded organization code's check character should be '\(expected)', found '\(found)' "
                + "(some early codes are like this and are still valid)"
        case .regionNotInDivisionList:
            return "registration region \(found) is not in the division list (possibly a development zone's own code)"
        case .regionRetiredBeforeBirth: return "region code \(found) was retired after \(expected), before the birth year"
        case .organizationTypeNotInStandardTable:
            return "organization type '\(found)' is not in GB 32100-2015's table; it was added later"
        case .ambiguousKind: return "the number is also a valid \(Self.englishKind(found))"
        case .personNumberShape:
            return "all digits: this may be a mistyped \(Self.englishKind(found)) (invalid as one); confirm the kind"
        default: return code.rawValue
        }
    }

    private static func dashed(_ yyyymmdd: String) -> String {
        let bytes = Array(yyyymmdd.utf8)
        guard bytes.count == 8 else { return yyyymmdd }
        return String(decoding: bytes[0..<4], as: UTF8.self) + "-" + String(decoding: bytes[4..<6], as: UTF8.self)
            + "-" + String(decoding: bytes[6..<8], as: UTF8.self)
    }

    private static func chineseClass(_ name: String) -> String {
        switch name {
        case CharacterClass.digit: "数字 0-9"
        case CharacterClass.digitOrX: "数字 0-9 或 X"
        case CharacterClass.codeCharacter: "数字 0-9 或大写字母 A-Z"
        case CharacterClass.creditCodeCharacter: "数字 0-9 或大写字母（不含 I、O、Z、S、V）"
        default: name
        }
    }

    private static func englishClass(_ name: String) -> String {
        switch name {
        case CharacterClass.digit: "a digit 0-9"
        case CharacterClass.digitOrX: "a digit 0-9 or X"
        case CharacterClass.codeCharacter: "a digit 0-9 or a letter A-Z"
        case CharacterClass.creditCodeCharacter: "a digit 0-9 or a letter A-Z other than I, O, Z, S, V"
        default: name
        }
    }

    private static func chineseKind(_ raw: String) -> String { IdentityKind(rawValue: raw)?.chineseName ?? raw }
    private static func englishKind(_ raw: String) -> String { IdentityKind(rawValue: raw)?.englishName ?? raw }
}
