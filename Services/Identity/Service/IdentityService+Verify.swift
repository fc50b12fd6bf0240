import BeianJSON
import BeianModel
import BeianRPC
import BeianRuntime
import Foundation

/// `Verify` and `VerifyBatch`: decode, authorize, check, encode. An invalid number is an OK
/// answer with `valid: false`; logs carry numbers only masked.
extension IdentityService {
    /// `Verify`: one number → its `IdentityCheck`.
    var verifyMethod: RPCMethod {
        .unary(IdentityAPI.service, "Verify",
               summary: "Checks one number: {kind (default auto), value} → the check with reasons and facts.",
               request: RawMessage<IdentityVerifyRequest>.self, response: RawMessage<IdentityCheck>.self) { request, context in
            try IdentityAccess.authorize(context)
            let (kind, value) = try IdentityRequestReader.verify(request.value)
            let check = validator.validate(value, as: kind, today: today())
            context.logger.info("verified", [
                "value": .sensitive(check.normalized), "kind": .string(check.kind.rawValue),
                "valid": .plain(.bool(check.valid)),
                "reasons": .string(check.reasons.map(\.code.rawValue).joined(separator: ",")),
            ])
            var json = IdentityJSON(regions: regionJSON)
            return RawMessage(json.object(check))
        }
    }

    /// The `Verify` answer for one number as JSON, without the RPC (benchmarks, tools).
    package func verifyJSON(_ value: String, kind: IdentityKind = .unrecognized) -> JSONValue {
        var json = IdentityJSON(regions: regionJSON)
        return json.object(validator.validate(value, as: kind, today: today()))
    }

    /// The `VerifyBatch` answer to a request message as a JSON value, without the RPC (the
    /// reference for `verifyBatchBytes(_:)`; tools): the response, the number of items and how
    /// many are valid. Large batches are checked in parallel slices, one per core.
    package func verifyBatch(_ message: JSONValue) async throws(RPCError) -> (response: JSONValue, count: Int, valid: Int) {
        let (items, detail) = try IdentityRequestReader.batch(message)
        let today = today()
        let parts = await inSlices(items) { part in answer(part, detail: detail, today: today) }
        var results: [JSONValue] = []
        results.reserveCapacity(items.count)
        var valid = 0
        for part in parts {
            results.append(contentsOf: part.results)
            valid += part.valid
        }
        var object = JSONObject(minimumCapacity: 3)
        object.appendUnchecked(key: "results", value: .array(results))
        object.appendUnchecked(key: "valid", value: .int(Int64(valid)))
        object.appendUnchecked(key: "invalid", value: .int(Int64(items.count - valid)))
        return (.object(object), items.count, valid)
    }

    /// Batches this large or larger are split across cores.
    static let parallelBatchThreshold = 2_000
    /// Cores to split a batch across.
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Checks a slice of the items and builds their results; returns them with the number valid.
    func answer(_ items: ArraySlice<IdentityRequestReader.Item>, detail: IdentityResultDetail,
                today: IdentityDate) -> (results: [JSONValue], valid: Int) {
        var results: [JSONValue] = []
        results.reserveCapacity(items.count)
        var valid = 0
        var json = IdentityJSON(regions: regionJSON, detail: detail)
        for item in items {
            let check = validator.validate(item.value, as: item.kind, today: today)
            if check.valid { valid += 1 }
            results.append(json.object(check, ref: item.ref))
        }
        return (results, valid)
    }
}
