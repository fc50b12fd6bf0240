import BeianJSON
import BeianModel
import BeianRPC
import IdentityService
import Testing
import TestSupport

/// `Verify` over the real server: every kind, every reason and warning, the exact wire shape.
@Suite("Verify")
struct VerifyTests {
    typealias T = IdentityTesting

    /// One known case: the number, the kind asked for (nil: auto), and what must come back.
    struct Case: CustomStringConvertible, Sendable {
        var value: String
        var kind: String?
        var valid: Bool
        var resultKind: IdentityKind
        /// A reason (invalid) or warning (valid) code the result must carry, if any.
        var code: String?
        var description: String { "\(kind ?? "auto") \(value) → \(code ?? (valid ? "valid" : "invalid"))" }
    }

    static let valid: [Case] = [
        Case(value: "11010519491231002X", valid: true, resultKind: .residentID),
        Case(value: "１１０１０５　１９４９１２３１　００２ｘ", valid: true, resultKind: .residentID),
        Case(value: "11010519491231002X", kind: "resident_id", valid: true, resultKind: .residentID),
        Case(value: "110105491231002", valid: true, resultKind: .legacyResidentID),
        Case(value: "110105491231002", kind: "legacy_resident_id", valid: true, resultKind: .legacyResidentID),
        Case(value: permit, valid: true, resultKind: .residencePermit),
        Case(value: permit, kind: "residence_permit", valid: true, resultKind: .residencePermit),
        Case(value: foreigner, valid: true, resultKind: .foreignPermanentResidentID),
        Case(value: foreigner, kind: "foreign_permanent_resident_id", valid: true,
             resultKind: .foreignPermanentResidentID),
        Case(value: "D2143569-X", valid: true, resultKind: .organizationCode),
        Case(value: "D2143569-X", kind: "organization_code", valid: true, resultKind: .organizationCode),
        Case(value: "91350100M000100Y43", valid: true, resultKind: .unifiedSocialCreditCode),
        Case(value: "9135 0100 M000 100Y 43", kind: "unified_social_credit_code", valid: true,
             resultKind: .unifiedSocialCreditCode),
        Case(value: "91350100M000100Y43", kind: "auto", valid: true, resultKind: .unifiedSocialCreditCode),
    ]

    static let reasons: [Case] = [
        Case(value: "11010519491231002", kind: "resident_id", valid: false, resultKind: .residentID, code: "wrong_length"),
        Case(value: "11010519491A31002X", kind: "resident_id", valid: false, resultKind: .residentID, code: "bad_character"),
        Case(value: "360426199113010079", valid: false, resultKind: .residentID, code: "bad_birth_month"),
        Case(value: "360426199102300079", valid: false, resultKind: .residentID, code: "bad_birth_day"),
        Case(value: IdentityGenerator.residentID(region: 110105, birth: IdentityDate(year: 2025, month: 6, day: 2)!, sequence: 1),
             valid: false, resultKind: .residentID, code: "birth_date_in_future"),
        Case(value: "440524188001010014", valid: false, resultKind: .residentID, code: "birth_date_before_1900"),
        Case(value: "660426199112010074", valid: false, resultKind: .residentID, code: "unknown_region"),
        Case(value: "36042619910102009X", valid: false, resultKind: .residentID, code: "bad_check_character"),
        Case(value: "11010519491231002X", kind: "residence_permit", valid: false, resultKind: .residencePermit,
             code: "kind_mismatch"),
        Case(value: creditCode(authority: "B", type: "1"), valid: false, resultKind: .unifiedSocialCreditCode,
             code: "unknown_registration_authority"),
        Case(value: creditCode(authority: "9", type: "4"), valid: false, resultKind: .unifiedSocialCreditCode,
             code: "unknown_organization_type"),
        Case(value: "12345", valid: false, resultKind: .unrecognized, code: "unrecognized_shape"),
        Case(value: "D21435691", kind: "organization_code", valid: false, resultKind: .organizationCode,
             code: "bad_check_character"),
        Case(value: "91110000600037341N", valid: false, resultKind: .unifiedSocialCreditCode, code: "bad_check_character"),
        Case(value: "110105491331002", valid: false, resultKind: .legacyResidentID, code: "bad_birth_month"),
    ]

    static let warnings: [Case] = [
        Case(value: embeddedCheckFailure, valid: true, resultKind: .unifiedSocialCreditCode,
             code: "embedded_organization_code_check"),
        Case(value: creditCode(authority: "9", type: "1", region: 320594), valid: true, resultKind: .unifiedSocialCreditCode,
             code: "region_not_in_division_list"),
        Case(value: "110201199312010077", valid: true, resultKind: .residentID, code: "region_retired_before_birth"),
        Case(value: creditCode(authority: "G", type: "1"), valid: true, resultKind: .unifiedSocialCreditCode,
             code: "organization_type_not_in_standard_table"),
        Case(value: ambiguousNumber, valid: true, resultKind: .residentID, code: "ambiguous_kind"),
        Case(value: "121200004013590816", valid: true, resultKind: .unifiedSocialCreditCode, code: "person_number_shape"),
    ]

    /// Every reason and warning code the validators have (`empty` is covered by the batch tests:
    /// `Verify` refuses an empty value as a bad request).
    static let permit = IdentityGenerator.residencePermit(.hongKong, birth: IdentityDate(year: 1988, month: 8, day: 8)!, sequence: 8)
    static let foreigner = IdentityGenerator.foreignPermanentResidentID(
        province: 31, nationality: 840, birth: IdentityDate(year: 1975, month: 4, day: 3)!, sequence: 17)

    static let allCodes: Set<String> = [
        "wrong_length", "bad_character", "bad_birth_month", "bad_birth_day", "birth_date_in_future",
        "birth_date_before_1900", "unknown_region", "bad_check_character", "kind_mismatch",
        "unknown_registration_authority", "unknown_organization_type", "unrecognized_shape",
        "embedded_organization_code_check", "region_not_in_division_list", "region_retired_before_birth",
        "organization_type_not_in_standard_table", "ambiguous_kind", "person_number_shape",
    ]

    static func creditCode(authority: Character, type: Character, region: Int = 110105) -> String {
        IdentityGenerator.unifiedSocialCreditCode(authority: authority, type: type, region: region, organizationBody: "M000100Y")
    }

    /// A credit code whose embedded organization code has a wrong check character ("2", right is "1").
    static let embeddedCheckFailure: String = {
        let prefix = String("911100006000373420".prefix(17))
        return prefix + String(IdentityChecksum.creditCodeCheckCharacter(prefix)!)
    }()

    /// A valid resident identity number that is also a valid credit code.
    static let ambiguousNumber: String = (0..<1000).lazy
        .map { IdentityGenerator.residentID(region: 131102, birth: IdentityDate(year: 1980, month: 1, day: 1)!, sequence: $0) }
        .first { IdentityTesting.expected($0, kind: .unifiedSocialCreditCode).valid }!

    @Test("the table covers every reason and warning code")
    func coverage() {
        #expect(Set((Self.reasons + Self.warnings).compactMap(\.code)) == Self.allCodes)
    }

    @Test("known cases: every kind valid, every reason, every warning, as the validator answers")
    func knownCases() async throws {
        try await withIdentityServer { _, client in
            for item in Self.valid + Self.reasons + Self.warnings {
                let check = try await client.verify(item.value, kind: item.kind)
                let expected = T.expected(item.value, kind: item.kind.flatMap(IdentityKind.init(requestName:)))
                #expect(check == expected, "\(item)")
                #expect(check.valid == item.valid, "\(item): \(check.reasons)")
                #expect(check.kind == item.resultKind, "\(item)")
                if let code = item.code {
                    #expect((item.valid ? check.warningCodes : check.reasonCodes).contains(code), "\(item): \(check.reasons) \(check.warnings)")
                }
                if !item.valid {
                    #expect(check.reasons.allSatisfy { !$0.messageChinese.isEmpty && !$0.messageEnglish.isEmpty })
                }
            }
        }
    }

    @Test("the answer on the wire is exactly the check's Codable form, valid and messages included")
    func wireShape() async throws {
        try await withIdentityServer { _, client in
            for item in Self.valid + Self.reasons + Self.warnings {
                var message = JSONObject()
                message["value"] = .string(item.value)
                if let kind = item.kind { message["kind"] = .string(kind) }
                let response = try await client.unaryJSON(IdentityAPI.verify, message: .object(message))
                let expected = try JSONCoding.encodeValue(T.expected(item.value, kind: item.kind.flatMap(IdentityKind.init(requestName:))))
                #expect(response.message == expected, "\(item)")
                #expect(response.message["valid"] == .bool(item.valid))
            }
            let legacy = try await client.unaryJSON(IdentityAPI.verify, message: ["value": "110105491231002"]).message
            #expect(legacy["upgraded"] == "11010519491231002X")
            #expect(legacy["person"]?["birth_date"] == "1949-12-31")
            #expect(legacy["person"]?["region"]?["full_name"] == "北京市朝阳区")
            let invalid = try await client.unaryJSON(IdentityAPI.verify, message: ["value": "110105194912310021"]).message
            let reason = try #require(invalid["reasons"]?.arrayValue?.first)
            #expect(reason["code"] == "bad_check_character")
            #expect(reason["message_zh"] == "第 18 位校验码应为“X”，实际为“1”")
            #expect(reason["position"] == 18)
        }
    }

    @Test("a bad request is INVALID_ARGUMENT naming the field", arguments: [
        (JSONValue.object(JSONObject()), ["value"]),
        (["value": .null], ["value"]),
        (["value": " - "], ["value"]),
        (["value": ""], ["value"]),
        (["value": 110105], ["value"]),
        (["value": "11010519491231002X", "kind": "passport"], ["kind"]),
        (["value": "11010519491231002X", "kind": "unrecognized"], ["kind"]),
        (["value": "11010519491231002X", "kind": 3], ["kind"]),
        (["kind": "AUTO"], ["kind", "value"]),
    ] as [(JSONValue, [String])])
    func badRequest(message: JSONValue, fields: [String]) async throws {
        try await withIdentityServer { _, client in
            let error = try #require(await capturedRPCError { try await client.unaryJSON(IdentityAPI.verify, message: message) })
            #expect(error.code == .invalidArgument)
            #expect(error.fieldViolations.map(\.field).sorted() == fields)
            #expect(error.fieldViolations.allSatisfy { $0.descriptionZh != nil && $0.descriptionEn != nil })
        }
    }

    @Test("an unknown kind lists the accepted ones")
    func unknownKindListsNames() async throws {
        try await withIdentityServer { _, client in
            let error = try #require(await capturedRPCError { try await client.verify("11010519491231002X", kind: "passport") })
            let violation = try #require(error.fieldViolations.first)
            #expect(violation.rule == "enum_value")
            for name in IdentityAPI.requestKinds { #expect(violation.description.contains(name)) }
        }
    }
}
