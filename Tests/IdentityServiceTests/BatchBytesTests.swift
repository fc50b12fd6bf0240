import BeianJSON
import BeianModel
import BeianRPC
import IdentityService
import Testing

/// The `VerifyBatch` answer written straight to bytes against the reference path (a `JSONValue`
/// tree through `JSONWriter`): byte for byte the same, over many generated numbers.
@Suite("VerifyBatch bytes")
struct BatchBytesTests {
    typealias T = IdentityTesting

    /// Characters that exercise escaping and normalization: quotes, backslash, controls,
    /// full-width digits and letters, Chinese, spaces, hyphens, lowercase.
    static let oddCharacters: [Character] = ["\"", "\\", "\n", "\u{01}", "\t", "１", "Ｘ", "ｘ", "号", "码", " ", "\u{3000}",
                                             "-", "x", "a", "Z", "O", "I", "9", "0", "/", "é", "😀", "\u{200B}"]

    /// A deterministic mix: the benchmark corpus, odd strings, and each with a reference.
    static func items(count: Int, seed: UInt64) -> [JSONValue] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let kinds: [JSONValue] = [.null, "auto", "resident_id", "legacy_resident_id", "residence_permit",
                                  "foreign_permanent_resident_id", "organization_code", "unified_social_credit_code"]
        let corpus = IdentityBenchmarkCorpus.generate(count: count, seed: seed)
        return corpus.enumerated().map { index, number in
            var value = number
            switch next(10) {
            case 0: value = String((0..<next(24)).map { _ in oddCharacters[next(oddCharacters.count)] })
            case 1:
                var characters = Array(number)
                if !characters.isEmpty { characters[next(characters.count)] = oddCharacters[next(oddCharacters.count)] }
                value = String(characters)
            default: break
            }
            var object = JSONObject()
            if next(8) != 0 { object["value"] = .string(value) }
            if next(3) == 0 { object["kind"] = kinds[next(kinds.count)] }
            switch next(4) {
            case 0: break
            case 1: object["ref"] = .null
            case 2: object["ref"] = .string("行 \(index) \"引\" \\ \n")
            default: object["ref"] = .string("row \(index + 1)")
            }
            return .object(object)
        }
    }

    @Test("bytes equal the reference answer", arguments: [
        (0, IdentityResultDetail.full), (1, .full), (1_500, .full), (3_000, .full), (1_500, .compact), (3_000, .compact),
    ])
    func sameBytes(count: Int, detail: IdentityResultDetail) async throws {
        for seed in [UInt64(1), 2] {
            let message: JSONValue = ["items": .array(Self.items(count: count, seed: seed)), "detail": .string(detail.rawValue)]
            let reference = try await T.service.verifyBatch(message)
            let fast = try await T.service.verifyBatchBytes(message)
            #expect(fast.count == reference.count)
            #expect(fast.valid == reference.valid)
            let expected = try JSONWriter.serialize(reference.response)
            if fast.bytes != expected {
                let index = zip(fast.bytes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(fast.bytes.count, expected.count)
                let context = { (bytes: [UInt8]) in
                    String(decoding: bytes[max(0, index - 200)..<min(bytes.count, index + 100)], as: UTF8.self)
                }
                Issue.record("differs at byte \(index):\n\(context(fast.bytes))\n---\n\(context(expected))")
            }
        }
    }

    @Test("bad requests get the same errors as before", arguments: [
        JSONValue.object(JSONObject()), ["items": "x"], ["items": [1]], ["items": [["value": 1]]], ["items": [["kind": "passport"]]],
        ["items": [], "detail": "short"],
    ])
    func sameErrors(message: JSONValue) async throws {
        let reference = await capturedError { () async throws(RPCError) in _ = try await T.service.verifyBatch(message) }
        let fast = await capturedError { () async throws(RPCError) in _ = try await T.service.verifyBatchBytes(message) }
        #expect(reference != nil)
        #expect(fast?.code == reference?.code)
        #expect(fast?.message == reference?.message)
    }

    private func capturedError(_ body: () async throws(RPCError) -> Void) async -> RPCError? {
        do { try await body() } catch { return error }
        return nil
    }
}

@Suite("VerifyBatch placement")
struct VerifyBatchPlacementTests {
    @Test("VerifyBatch runs on the global pool (bulk work off the connection's loop); the other methods on the loop")
    func placement() {
        let methods = IdentityTesting.service.rpcService.methods
        let batch = methods.first { $0.descriptor.name == "VerifyBatch" }
        #expect(batch?.placement == .globalPool)
        #expect(methods.filter { $0.descriptor.name != "VerifyBatch" }.allSatisfy { $0.placement == .connectionLoop })
    }
}
