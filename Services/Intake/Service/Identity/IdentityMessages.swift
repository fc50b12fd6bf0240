/// One number to check, as `beian.identity.v1.Identity/VerifyBatch` takes it.
package struct IdentityQuery: Codable, Sendable, Hashable {
    /// `auto` (intake lets identity detect the kind and checks it against the field).
    package var kind: String
    /// The number as stored (normalized).
    package var value: String
    /// Intake's reference: the field path, e.g. `operator.responsible_person.id_number`.
    package var ref: String

    /// Creates a query.
    package init(kind: String = "auto", value: String, ref: String) {
        self.kind = kind
        self.value = value
        self.ref = ref
    }
}

/// The VerifyBatch request.
package struct IdentityBatchRequest: Codable, Sendable {
    /// Up to 10,000 numbers.
    package var items: [IdentityQuery]
    /// `full` (facts and messages; identity's default) or `compact` (validity, kind, reason codes).
    package var detail: String?

    /// Creates a request.
    package init(items: [IdentityQuery], detail: String? = nil) {
        self.items = items
        self.detail = detail
    }
}

/// The VerifyBatch response: one result per item, in order.
package struct IdentityBatchResponse: Codable, Sendable {
    /// Results in request order.
    package var results: [IdentityResult]

    /// Creates a response.
    package init(results: [IdentityResult]) {
        self.results = results
    }
}

/// The part of identity's `IdentityCheck` that intake uses.
package struct IdentityResult: Codable, Sendable, Hashable {
    /// The query's `ref`.
    package var ref: String?
    /// Valid for its kind.
    package var valid: Bool
    /// The detected or requested kind (`resident_id`, `unified_social_credit_code`, ...).
    package var kind: String
    /// Why it is invalid.
    package var reasons: [IdentityReason]

    /// Creates a result.
    package init(ref: String?, valid: Bool, kind: String, reasons: [IdentityReason] = []) {
        self.ref = ref
        self.valid = valid
        self.kind = kind
        self.reasons = reasons
    }

    private enum CodingKeys: String, CodingKey { case ref, valid, kind, reasons }

    /// Decodes a result; `reasons` may be missing.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ref = try container.decodeIfPresent(String.self, forKey: .ref)
        valid = try container.decode(Bool.self, forKey: .valid)
        kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? "unrecognized"
        reasons = try container.decodeIfPresent([IdentityReason].self, forKey: .reasons) ?? []
    }
}

/// One reason a number is invalid, with bilingual messages (identity writes them as `zh`/`en`
/// or `message_zh`/`message_en`; both are read).
package struct IdentityReason: Codable, Sendable, Hashable {
    /// Stable code, e.g. `bad_check_character`.
    package var code: String
    /// Chinese message.
    package var zh: String
    /// English message.
    package var en: String
    /// 1-based position in the number, when known.
    package var position: Int?

    /// Creates a reason.
    package init(code: String, zh: String, en: String, position: Int? = nil) {
        self.code = code
        self.zh = zh
        self.en = en
        self.position = position
    }

    private enum CodingKeys: String, CodingKey { case code, zh, en, messageZh, messageEn, position }

    /// Decodes either message spelling.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        zh = try container.decodeIfPresent(String.self, forKey: .zh)
            ?? container.decodeIfPresent(String.self, forKey: .messageZh) ?? code
        en = try container.decodeIfPresent(String.self, forKey: .en)
            ?? container.decodeIfPresent(String.self, forKey: .messageEn) ?? code
        position = try container.decodeIfPresent(Int.self, forKey: .position)
    }

    /// Encodes as `code`, `zh`, `en`, `position`.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(zh, forKey: .zh)
        try container.encode(en, forKey: .en)
        try container.encodeIfPresent(position, forKey: .position)
    }
}
