import BeianRPC
import BeianServiceKit
import IntakeService

/// TEMPORARY stand-in for `beian.identity.v1.Identity/VerifyBatch` until the identity service is
/// on main (then the tests start `IdentityAssembly.services` instead). It checks the national
/// check characters only, and insists on a service caller over mutual TLS like the real one.
enum StandInIdentityService {
    static func service() -> RPCService {
        RPCService(name: "beian.identity.v1.Identity", summary: "test stand-in", methods: [
            .unary("beian.identity.v1.Identity", "VerifyBatch", request: IdentityBatchRequest.self,
                   response: IdentityBatchResponse.self) { request, context in
                try context.requireService(["intake"])
                return IdentityBatchResponse(results: request.items.map(check))
            },
        ])
    }

    static func check(_ query: IdentityQuery) -> IdentityResult {
        let value = query.value.uppercased()
        func bad(_ kind: String, _ position: Int) -> IdentityResult {
            IdentityResult(ref: query.ref, valid: false, kind: kind, reasons: [
                IdentityReason(code: "bad_check_character", zh: "校验码错误", en: "the check character is wrong",
                               position: position),
            ])
        }
        let characters = Array(value)
        if characters.count == 18, characters.prefix(17).allSatisfy(\.isNumber) {
            return TestIdentityNumbers.residentCheck(String(characters.prefix(17))) == characters[17]
                ? IdentityResult(ref: query.ref, valid: true, kind: "resident_id") : bad("resident_id", 18)
        }
        if characters.count == 18, characters.allSatisfy(TestIdentityNumbers.creditAlphabet.contains) {
            return TestIdentityNumbers.creditCheck(String(characters.prefix(17))) == characters[17]
                ? IdentityResult(ref: query.ref, valid: true, kind: "unified_social_credit_code")
                : bad("unified_social_credit_code", 18)
        }
        if characters.count == 9 {
            return TestIdentityNumbers.organizationCheck(String(characters.prefix(8))) == characters[8]
                ? IdentityResult(ref: query.ref, valid: true, kind: "organization_code") : bad("organization_code", 9)
        }
        return IdentityResult(ref: query.ref, valid: false, kind: "unrecognized", reasons: [
            IdentityReason(code: "unrecognized", zh: "无法识别的号码", en: "not a known kind of number"),
        ])
    }
}
