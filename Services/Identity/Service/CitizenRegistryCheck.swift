import BeianModel
import BeianRPC

/// Name-to-number matching against the national citizen identity service (公民身份信息核验,
/// run by the Ministry of Public Security's identity-information centre): does this resident
/// identity number exist, and does it carry this name?
///
/// It cannot be done offline, and no deployment of Beian has a connection to that service yet,
/// so the product ships with none configured and `VerifyHolder` answers FAILED_PRECONDITION. A
/// deployment that obtains access implements this protocol over its channel and passes it to
/// `IdentityService(divisions:citizenRegistry:)`. Implementations receive numbers that already
/// passed the local check, must not store or log them unmasked, and should honour task
/// cancellation (the caller's deadline).
package protocol CitizenRegistryCheck: Sendable {
    /// Asks whether `name` is the registered name of `idNumber` (18 characters, normalized,
    /// locally valid); answers `.match`, `.mismatch` or `.notFound`.
    func check(name: String, idNumber: String) async throws -> HolderMatch
}

extension IdentityService {
    /// The FAILED_PRECONDITION message while no national service is configured.
    static let holderMatchingOff =
        "name-to-number matching is switched off in this deployment (no connection to the national citizen identity service)"

    var verifyHolderMethod: RPCMethod {
        .unary(IdentityAPI.service, "VerifyHolder",
               summary: "Name-to-number matching (人证核验) against the national citizen identity service; off unless configured.",
               request: HolderCheckRequest.self, response: HolderCheckResponse.self) { request, context in
            try IdentityAccess.authorize(context)
            guard let citizenRegistry else {
                throw RPCError(.failedPrecondition, Self.holderMatchingOff + " / 本部署未开通人证核验（未连接全国公民身份信息核验服务）")
            }
            return try await verifyHolder(request, registry: citizenRegistry, context: context)
        }
    }

    /// Checks the number locally, then asks the registry; an invalid number is not sent.
    func verifyHolder(_ request: HolderCheckRequest, registry: any CitizenRegistryCheck,
                      context: ServerContext) async throws -> HolderCheckResponse {
        var violations: [RPCError.FieldViolation] = []
        let name = TextNormalization.text(request.name)
        if name.isEmpty {
            violations.append(.init(field: "name", rule: "required", zh: "请填写姓名", en: "the holder's name is required"))
        }
        if IdentityValidator.normalize(request.idNumber).isEmpty {
            violations.append(.init(field: "id_number", rule: "required", zh: "请填写身份证号码",
                                    en: "the resident identity number is required"))
        }
        guard violations.isEmpty else {
            throw RPCError.invalidArgument("\(violations.count) field(s) are invalid / \(violations.count) 个字段不符合要求",
                                           violations: violations)
        }
        let check = validator.validate(request.idNumber, as: .residentID, today: today())
        guard check.valid else { return HolderCheckResponse(result: .invalidNumber, check: check) }
        let result = try await registry.check(name: name, idNumber: check.normalized)
        context.logger.info("holder checked", [
            "value": .sensitive(check.normalized), "name": .string(Masking.name(name)), "result": .string(result.rawValue),
        ])
        return HolderCheckResponse(result: result, check: check)
    }
}
