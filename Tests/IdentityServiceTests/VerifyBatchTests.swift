import BeianJSON
import BeianModel
import BeianRPC
import IdentityService
import Testing
import TestSupport

/// `VerifyBatch` over the real server on loopback with TLS.
@Suite("VerifyBatch")
struct VerifyBatchTests {
    typealias T = IdentityTesting

    @Test("10,000 mixed numbers are answered in order with the right verdicts and counts")
    func tenThousandMixed() async throws {
        let values = IdentityBenchmarkCorpus.generate(count: IdentityAPI.maximumBatchItems, seed: 2025)
        let kinds: [String?] = [nil, "auto"]
        let items = values.enumerated().map { index, value in
            IdentityBatchItem(kind: kinds[index % 2], value: value, ref: "row \(index + 1)")
        }
        try await withIdentityServer { _, client in
            let response = try await client.verifyBatch(items)
            try #require(response.results.count == values.count)
            var valid = 0
            var kindsSeen = Set<IdentityKind>()
            for (index, result) in response.results.enumerated() {
                let expected = T.expected(values[index])
                #expect(result.ref == "row \(index + 1)")
                if result.check != expected {
                    Issue.record("item \(index) \(values[index]): \(result.check) != \(expected)")
                }
                if expected.valid { valid += 1 }
                kindsSeen.insert(result.check.kind)
            }
            #expect(response.valid == valid)
            #expect(response.invalid == values.count - valid)
            #expect(valid > 8_000 && valid < 9_500)
            #expect(kindsSeen == Set(IdentityKind.allCases))
        }
    }

    @Test("one bad item never fails the batch: empty and missing values are invalid results with a reason")
    func badItems() async throws {
        try await withIdentityServer { _, client in
            let message: JSONValue = ["items": [
                ["value": "11010519491231002X", "ref": "a"],
                ["value": "", "ref": "b"],
                ["ref": "c"],
                ["value": "110105194912310021", "kind": "resident_id"],
                ["value": "  ", "kind": "organization_code", "ref": .null],
                ["value": "91350100M000100Y43", "kind": "resident_id", "ref": "f"],
            ]]
            let response = try await client.unaryJSON(IdentityAPI.verifyBatch, message: message).message
            let decoded = try JSONCoding.decode(IdentityBatchResponse.self, from: response)
            #expect(decoded.results.map(\.ref) == ["a", "b", "c", nil, nil, "f"])
            #expect(decoded.results.map(\.check.valid) == [true, false, false, false, false, false])
            #expect(decoded.results[1].check.reasonCodes == ["empty"])
            #expect(decoded.results[2].check.reasonCodes == ["empty"])
            #expect(decoded.results[3].check.reasonCodes == ["bad_check_character"])
            #expect(decoded.results[4].check.kind == .organizationCode)
            #expect(decoded.results[4].check.reasonCodes == ["empty"])
            #expect(decoded.results[5].check.kind == .residentID)
            #expect(decoded.valid == 1)
            #expect(decoded.invalid == 5)
            // Results carry the ref first, then exactly the check's members.
            let first = try #require(response["results"]?.arrayValue?.first?.objectValue)
            #expect(first.keys.first == "ref")
            var withoutRef = first
            withoutRef["ref"] = nil
            #expect(JSONValue.object(withoutRef) == (try JSONCoding.encodeValue(T.expected("11010519491231002X"))))
            let missingRef = try #require(response["results"]?.arrayValue?[3].objectValue)
            #expect(!missingRef.keys.contains("ref"))
        }
    }

    @Test("compact results: the same verdicts and issues, no facts, no messages, about a third of the bytes")
    func compact() async throws {
        let values = IdentityBenchmarkCorpus.generate(count: 2_000, seed: 77)
        let items = values.map { IdentityBatchItem(value: $0) }
        try await withIdentityServer { _, client in
            let full = try await client.unaryJSON(IdentityAPI.verifyBatch,
                                                  message: try JSONCoding.encodeValue(IdentityBatchRequest(items: items))).message
            let compact = try await client.unaryJSON(
                IdentityAPI.verifyBatch,
                message: try JSONCoding.encodeValue(IdentityBatchRequest(items: items, detail: .compact))).message
            let decoded = try JSONCoding.decode(IdentityBatchResponse.self, from: compact)
            for (index, result) in decoded.results.enumerated() {
                var expected = T.expected(values[index])
                expected.person = nil
                expected.organization = nil
                #expect(result.check == expected, "\(values[index])")
            }
            #expect(compact["valid"] == full["valid"])
            let fullBytes = try JSONWriter.serialize(full).count, compactBytes = try JSONWriter.serialize(compact).count
            #expect(compactBytes * 2 < fullBytes, "\(compactBytes) vs \(fullBytes)")
            let text = compact.description
            #expect(!text.contains("message_zh") && !text.contains("\"person\"") && !text.contains("\"reasons\":[]"))
            let bad = try #require(await capturedRPCError {
                try await client.unaryJSON(IdentityAPI.verifyBatch, message: ["items": [], "detail": "brief"])
            })
            #expect(bad.fieldViolations.map(\.field) == ["detail"])
        }
    }

    @Test("an empty batch is an empty answer")
    func emptyBatch() async throws {
        try await withIdentityServer { _, client in
            let response = try await client.verifyBatch([])
            #expect(response == IdentityBatchResponse(results: [], valid: 0, invalid: 0))
        }
    }

    @Test("10,001 items are RESOURCE_EXHAUSTED naming the limit and the count sent")
    func oversize() async throws {
        let items = Array(repeating: IdentityBatchItem(value: "11010519491231002X"), count: IdentityAPI.maximumBatchItems + 1)
        try await withIdentityServer { _, client in
            let error = try #require(await capturedRPCError { try await client.verifyBatch(items) })
            #expect(error.code == .resourceExhausted)
            #expect(error.message.contains("10000"))
            #expect(error.message.contains("10001"))
        }
    }

    @Test("a message of the wrong shape is INVALID_ARGUMENT naming each bad member", arguments: [
        (JSONValue.object(JSONObject()), ["items"]),
        (["items": "11010519491231002X"], ["items"]),
        (["items": [["value": 110105], "x", ["value": "1", "kind": "passport"], ["value": "1", "ref": 7]]],
         ["items[0].value", "items[1]", "items[2].kind", "items[3].ref"]),
    ] as [(JSONValue, [String])])
    func badShape(message: JSONValue, fields: [String]) async throws {
        try await withIdentityServer { _, client in
            let error = try #require(await capturedRPCError { try await client.unaryJSON(IdentityAPI.verifyBatch, message: message) })
            #expect(error.code == .invalidArgument)
            #expect(error.fieldViolations.map(\.field) == fields)
        }
    }
}
