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

    /// `VerifyBatch`: up to 10,000 numbers → one result each, in order, and the counts.
    var verifyBatchMethod: RPCMethod {
        .unary(IdentityAPI.service, "VerifyBatch",
               summary: "Checks up to 10000 numbers in order: {items: [{kind, value, ref}], detail: full|compact} → {results, valid, invalid}.",
               request: RawMessage<IdentityBatchRequest>.self, response: RawMessage<IdentityBatchResponse>.self) { request, context in
            try IdentityAccess.authorize(context)
            let answer = try await verifyBatch(request.value)
            context.logger.info("verified batch", [
                "items": .int(answer.count), "valid": .int(answer.valid), "invalid": .int(answer.count - answer.valid),
            ])
            return RawMessage(answer.response)
        }
    }

    /// The `Verify` answer for one number as JSON, without the RPC (benchmarks, tools).
    package func verifyJSON(_ value: String, kind: IdentityKind = .unrecognized) -> JSONValue {
        var json = IdentityJSON(regions: regionJSON)
        return json.object(validator.validate(value, as: kind, today: today()))
    }

    /// The `VerifyBatch` answer to a request message, without the RPC (benchmarks, tools): the
    /// response, the number of items and how many are valid. Large batches are checked in
    /// parallel slices, one per core.
    package func verifyBatch(_ message: JSONValue) async throws(RPCError) -> (response: JSONValue, count: Int, valid: Int) {
        let (items, detail) = try IdentityRequestReader.batch(message)
        let today = today()
        let slices = items.count < Self.parallelBatchThreshold ? 1 : min(Self.cores, items.count / (Self.parallelBatchThreshold / 2))
        var results: [JSONValue] = []
        var valid = 0
        if slices <= 1 {
            (results, valid) = answer(items[...], detail: detail, today: today)
        } else {
            let size = (items.count + slices - 1) / slices
            let parts = await withTaskGroup(of: (Int, [JSONValue], Int).self) { group in
                for slice in 0..<slices {
                    let range = (slice * size)..<min(items.count, (slice + 1) * size)
                    let part = items[range]
                    group.addTask {
                        let (results, valid) = answer(part, detail: detail, today: today)
                        return (slice, results, valid)
                    }
                }
                var parts: [(Int, [JSONValue], Int)] = []
                for await part in group { parts.append(part) }
                return parts.sorted { $0.0 < $1.0 }
            }
            results.reserveCapacity(items.count)
            for (_, part, partValid) in parts {
                results.append(contentsOf: part)
                valid += partValid
            }
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
