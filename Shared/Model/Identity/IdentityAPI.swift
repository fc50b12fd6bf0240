/// The wire contract of the identity service (证件核验服务), `beian.identity.v1.Identity`: method
/// names, limits and the message shapes its callers (intake, the console) encode and decode.
///
/// Messages are `Codable` with camelCase properties; the product's coders write snake_case members.
package enum IdentityAPI {
    /// The service name.
    package static let service = "beian.identity.v1.Identity"
    /// One number: `IdentityVerifyRequest` → `IdentityCheck`.
    package static let verify = "\(service)/Verify"
    /// Up to `maximumBatchItems` numbers: `IdentityBatchRequest` → `IdentityBatchResponse`.
    package static let verifyBatch = "\(service)/VerifyBatch"
    /// A division by code or name: `RegionLookupRequest` → `RegionLookupResponse`.
    package static let lookupRegion = "\(service)/LookupRegion"
    /// Name-to-number matching (人证核验) against the national citizen identity service:
    /// `HolderCheckRequest` → `HolderCheckResponse`; FAILED_PRECONDITION where switched off.
    package static let verifyHolder = "\(service)/VerifyHolder"
    /// Most items one `VerifyBatch` call may carry; more is RESOURCE_EXHAUSTED.
    package static let maximumBatchItems = 10_000
    /// The request kind that asks for detection from the number's shape.
    package static let automaticKind = "auto"
    /// Every accepted request `kind`: `auto` and the wire names of the real kinds.
    package static let requestKinds: [String] =
        [automaticKind] + IdentityKind.allCases.filter { $0 != .unrecognized }.map(\.rawValue)
}

extension IdentityKind {
    /// The kind a request names: `auto` (checked as `.unrecognized`, which detects) or a kind's
    /// wire name; `nil` for anything else, `unrecognized` included.
    package init?(requestName: String) {
        if requestName == IdentityAPI.automaticKind {
            self = .unrecognized
        } else if let kind = IdentityKind(rawValue: requestName), kind != .unrecognized {
            self = kind
        } else {
            return nil
        }
    }
}

/// `Verify` request: `{"kind": "auto", "value": "11010519491231002X"}`; `kind` defaults to `auto`.
package struct IdentityVerifyRequest: Sendable, Hashable, Codable {
    /// `auto` or a kind's wire name (see `IdentityAPI.requestKinds`).
    package var kind: String?
    /// The number as written; normalized by the service.
    package var value: String?

    /// A request for one number.
    package init(kind: String? = nil, value: String?) {
        self.kind = kind
        self.value = value
    }
}

/// One item of a `VerifyBatch` request: the number, its kind and the caller's reference.
package struct IdentityBatchItem: Sendable, Hashable, Codable {
    /// `auto` (default) or a kind's wire name.
    package var kind: String?
    /// The number as written; missing or empty gives an invalid result with reason `empty`.
    package var value: String?
    /// The caller's reference, echoed in the result (e.g. `operator.id_number`, a row number).
    package var ref: String?

    /// An item.
    package init(kind: String? = nil, value: String?, ref: String? = nil) {
        self.kind = kind
        self.value = value
        self.ref = ref
    }
}

/// `VerifyBatch` request: `{"items": [...], "detail": "full"}`, at most `IdentityAPI.maximumBatchItems`.
package struct IdentityBatchRequest: Sendable, Hashable, Codable {
    /// The numbers, answered in the same order.
    package var items: [IdentityBatchItem]
    /// How much each result carries (default `full`).
    package var detail: IdentityResultDetail?

    /// A request.
    package init(items: [IdentityBatchItem], detail: IdentityResultDetail? = nil) {
        self.items = items
        self.detail = detail
    }
}

/// How much a batch result carries.
package enum IdentityResultDetail: String, Sendable, Hashable, Codable, CaseIterable {
    /// Everything `Verify` answers: reasons and warnings with both messages, person and
    /// organization facts.
    case full
    /// For screening many numbers (about a third of the bytes): `valid`, `kind`, `normalized`,
    /// `upgraded`, and reasons and warnings as codes with position, expected and found only
    /// (the messages follow from those; `IdentityIssue` derives them), empty lists and the facts
    /// left out. Decodes as an `IdentityCheck` without facts.
    case compact
}

/// One result of a batch: the item's `ref` and the check's members side by side
/// (`{"ref": "row 2", "valid": false, "kind": ..., "reasons": [...]}`).
package struct IdentityBatchResult: Sendable, Hashable, Codable {
    /// The item's reference, if it had one.
    package var ref: String?
    /// The check of the item.
    package var check: IdentityCheck

    /// A result.
    package init(ref: String?, check: IdentityCheck) {
        self.ref = ref
        self.check = check
    }

    private enum CodingKeys: String, CodingKey { case ref }

    /// Decodes `ref` and the check's members from the same object.
    package init(from decoder: any Decoder) throws {
        ref = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .ref)
        check = try IdentityCheck(from: decoder)
    }

    /// Encodes `ref` and the check's members into one object.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(ref, forKey: .ref)
        try check.encode(to: encoder)
    }
}

/// `VerifyBatch` response: the results in request order and the counts.
package struct IdentityBatchResponse: Sendable, Hashable, Codable {
    /// One result per item, in order.
    package var results: [IdentityBatchResult]
    /// How many results are valid.
    package var valid: Int
    /// How many results are invalid.
    package var invalid: Int

    /// A response.
    package init(results: [IdentityBatchResult], valid: Int, invalid: Int) {
        self.results = results
        self.valid = valid
        self.invalid = invalid
    }
}
