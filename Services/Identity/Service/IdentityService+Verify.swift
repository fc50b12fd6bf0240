import BeianJSON
import BeianModel
import BeianRPC
import BeianRuntime

/// `Verify` and `VerifyBatch`: decode, authorize, check, encode. An invalid number is an OK
/// answer with `valid: false`; logs carry numbers only masked.
extension IdentityService {
    /// `Verify`: one number → its `IdentityCheck`.
    var verifyMethod: RPCMethod {
        .unary(IdentityAPI.service, "Verify",
               summary: "Checks one number: {kind (default auto), value} → the check with reasons and facts.",
               request: RawMessage<IdentityVerifyRequest>.self, response: RawMessage<IdentityCheck>.self) { request, context in
            _ = try IdentityAccess.authorize(context)
            let (kind, value) = try IdentityRequestReader.verify(request.value)
            let check = validator.validate(value, as: kind, today: today())
            context.logger.info("verified", [
                "value": .sensitive(check.normalized), "kind": .string(check.kind.rawValue),
                "valid": .plain(.bool(check.valid)),
                "reasons": .string(check.reasons.map(\.code.rawValue).joined(separator: ",")),
            ])
            return RawMessage(IdentityJSON.object(check, regions: regionJSON))
        }
    }

    /// `VerifyBatch`: up to 10,000 numbers → one result each, in order, and the counts.
    var verifyBatchMethod: RPCMethod {
        .unary(IdentityAPI.service, "VerifyBatch",
               summary: "Checks up to 10000 numbers in order: {items: [{kind, value, ref}]} → {results, valid, invalid}.",
               request: RawMessage<IdentityBatchRequest>.self, response: RawMessage<IdentityBatchResponse>.self) { request, context in
            _ = try IdentityAccess.authorize(context)
            let items = try IdentityRequestReader.batch(request.value)
            let (response, valid) = verifyBatch(items, today: today())
            context.logger.info("verified batch", [
                "items": .int(items.count), "valid": .int(valid), "invalid": .int(items.count - valid),
            ])
            return RawMessage(response)
        }
    }

    /// Checks the items and builds the response; returns it with the number of valid results.
    func verifyBatch(_ items: [IdentityRequestReader.Item], today: IdentityDate) -> (JSONValue, Int) {
        var results: [JSONValue] = []
        results.reserveCapacity(items.count)
        var valid = 0
        for item in items {
            let check = validator.validate(item.value, as: item.kind, today: today)
            if check.valid { valid += 1 }
            results.append(IdentityJSON.object(check, ref: item.ref, regions: regionJSON))
        }
        var object = JSONObject(minimumCapacity: 3)
        object.appendUnchecked(key: "results", value: .array(results))
        object.appendUnchecked(key: "valid", value: .int(Int64(valid)))
        object.appendUnchecked(key: "invalid", value: .int(Int64(items.count - valid)))
        return (.object(object), valid)
    }
}
