import BeianJSON
import BeianModel
import BeianRPC
import BeianTLS
import IdentityService
import Testing
import TestSupport

/// Who may call, what the logs keep, name-to-number matching switched off, reflection.
@Suite("Access, privacy, holder matching, reflection")
struct AccessAndPrivacyTests {
    typealias T = IdentityTesting

    /// One valid request for each method.
    static let calls: [(method: String, message: JSONValue)] = [
        (IdentityAPI.verify, ["value": "11010519491231002X"]),
        (IdentityAPI.verifyBatch, ["items": [["value": "11010519491231002X"]]]),
        (IdentityAPI.lookupRegion, ["query": "130502"]),
        (IdentityAPI.verifyHolder, ["name": "张三", "id_number": "11010519491231002X"]),
    ]

    @Test("a caller without a client certificate is UNAUTHENTICATED on every method")
    func anonymousRefused() async throws {
        try await withIdentityServer(requireClientCertificate: false, anonymous: true) { _, client in
            for call in Self.calls {
                let error = try #require(await capturedRPCError { try await client.unaryJSON(call.method, message: call.message) })
                #expect(error.code == .unauthenticated, "\(call.method)")
            }
        }
    }

    @Test("a certificate naming no service or staff role is PERMISSION_DENIED on every method")
    func strangerRefused() async throws {
        try await withIdentityServer(identity: try T.stranger) { _, client in
            for call in Self.calls {
                let error = try #require(await capturedRPCError { try await client.unaryJSON(call.method, message: call.message) })
                #expect(error.code == .permissionDenied, "\(call.method)")
            }
        }
    }

    @Test("services and every staff role may verify", arguments: ["intake", "clerk", "head", "auditor"])
    func allowedCallers(unit: String) async throws {
        let identity = unit == "intake" ? try T.intake
            : try TestCertificates.shared.clientCertificate(commonName: "职员", organizationalUnit: unit)
        try await withIdentityServer(identity: identity) { _, client in
            #expect(try await client.verify("11010519491231002X").valid)
            let regions = try await client.unaryJSON(IdentityAPI.lookupRegion, message: ["query": "130502"]).message
            #expect(regions["regions"]?.arrayValue?.count == 1)
        }
    }

    @Test("the logs carry numbers only masked")
    func logsMasked() async throws {
        let numbers = ["11010519491231002X", "110105194912310021", "91350100M000100Y43", "110105491231002", "D2143569X"]
        try await withIdentityServer { server, client in
            for number in numbers { _ = try await client.verify(number) }
            _ = try await client.verifyBatch(numbers.map { IdentityBatchItem(value: $0, ref: "r") })
            _ = await capturedRPCError {
                try await client.unaryJSON(IdentityAPI.verifyHolder, message: ["name": "张三", "id_number": .string(numbers[0])])
            }
            _ = await capturedRPCError { try await client.verify(numbers[1], kind: "passport") }
            let lines = server.logs.lines
            #expect(lines.filter { $0.contains("\"verified\"") }.count == numbers.count)
            #expect(lines.contains { $0.contains("110***********002X") })
            for line in lines {
                for number in numbers where number.count > 9 {
                    #expect(!line.contains(number), "\(line)")
                    #expect(!line.contains(String(number.dropLast(4))), "\(line)")
                }
                #expect(!line.contains("19491231"), "\(line)")
                #expect(!line.contains("张三"), "\(line)")
            }
        }
    }

    @Test("VerifyHolder reports name-to-number matching switched off")
    func holderSwitchedOff() async throws {
        try await withIdentityServer { _, client in
            let error = try #require(await capturedRPCError {
                try await client.unary(IdentityAPI.verifyHolder, request: HolderCheckRequest(name: "张三", idNumber: "11010519491231002X"),
                                       as: HolderCheckResponse.self)
            })
            #expect(error.code == .failedPrecondition)
            #expect(error.message.contains("name-to-number matching is switched off in this deployment "
                                           + "(no connection to the national citizen identity service)"))
        }
    }

    /// A stand-in for the national service (an external system we cannot reach from tests):
    /// one registered holder.
    struct OneHolderRegistry: CitizenRegistryCheck {
        func check(name: String, idNumber: String) async throws -> HolderMatch {
            guard idNumber == "11010519491231002X" else { return .notFound }
            return name == "张三" ? .match : .mismatch
        }
    }

    @Test("with a registry configured, VerifyHolder checks locally first, then asks", arguments: [
        ("张三", "110105 19491231 002x", HolderMatch.match),
        ("李四", "11010519491231002X", .mismatch),
        ("张三", IdentityGenerator.residentID(region: 110105, birth: IdentityDate(year: 1949, month: 12, day: 31)!, sequence: 3), .notFound),
        ("张三", "110105194912310021", .invalidNumber),
    ])
    func holderConfigured(name: String, number: String, result: HolderMatch) async throws {
        let service = IdentityService(divisions: T.divisions, citizenRegistry: OneHolderRegistry(), today: { T.today })
        try await withIdentityServer(service) { _, client in
            let response = try await client.unary(IdentityAPI.verifyHolder, request: HolderCheckRequest(name: name, idNumber: number),
                                                  as: HolderCheckResponse.self)
            #expect(response.result == result)
            #expect(response.check == T.expected(number, kind: .residentID))
            let missing = try #require(await capturedRPCError {
                try await client.unaryJSON(IdentityAPI.verifyHolder, message: ["name": " ", "id_number": ""])
            })
            #expect(missing.fieldViolations.map(\.field) == ["name", "id_number"])
        }
    }

    @Test("reflection lists the four methods with their message shapes")
    func reflection() async throws {
        try await withIdentityServer { _, client in
            let response = try await client.unaryJSON("beian.reflection.v1.Reflection/DescribeService",
                                                      message: ["service": .string(IdentityAPI.service)]).message
            let text = response.description
            for method in ["Verify", "VerifyBatch", "LookupRegion", "VerifyHolder"] { #expect(text.contains("\"\(method)\"")) }
            for field in ["\"items\"", "\"ref\"", "\"valid\"", "\"message_zh\"", "\"birth_date\"", "\"history\"", "\"resident_id\""] {
                #expect(text.contains(field), "\(field)")
            }
        }
    }
}
