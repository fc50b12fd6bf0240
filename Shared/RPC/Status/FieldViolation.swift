import BeianJSON

extension RPCError {
    /// One bad field of a request, as listed in an INVALID_ARGUMENT status's `bad_request` detail.
    ///
    /// On the wire: `{"field": "operator.mobile", "description": "手机号码格式不正确 / not a valid
    /// mainland mobile number", "rule": "mobile_format", "description_zh": ..., "description_en": ...}`.
    /// `field` and `description` are the contract; `rule` and the two single-language texts extend it
    /// so that clients can show the operator's language and react to the rule programmatically.
    package struct FieldViolation: Sendable, Hashable, Codable {
        package var field: String
        package var description: String
        package var rule: String?
        package var descriptionZh: String?
        package var descriptionEn: String?

        package init(field: String, description: String, rule: String? = nil, descriptionZh: String? = nil, descriptionEn: String? = nil) {
            self.field = field
            self.description = description
            self.rule = rule
            self.descriptionZh = descriptionZh
            self.descriptionEn = descriptionEn
        }

        /// A violation with texts in both languages; `description` joins them ("中文 / English").
        package init(field: String, rule: String, zh: String, en: String) {
            self.init(field: field, description: "\(zh) / \(en)", rule: rule, descriptionZh: zh, descriptionEn: en)
        }
    }
}
