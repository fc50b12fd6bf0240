import BeianJSON
import BeianModel
import BeianReferenceData
import BeianRPC
import BeianServiceKit
import Foundation
import IntakeService

/// TEMPORARY stand-in for `beian.identity.v1.Identity/VerifyBatch` until the identity service is
/// on main (then the tests start `IdentityAssembly.services` instead): the real validators
/// (`IdentityValidator` over the shipped division table), the contract's message shapes, and a
/// service caller required over mutual TLS, as the real service does.
enum StandInIdentityService {
    static let validator = IdentityValidator(divisions: try! DivisionRegistry.standard())

    static func service() -> RPCService {
        RPCService(name: "beian.identity.v1.Identity", summary: "test stand-in", methods: [
            .unary("beian.identity.v1.Identity", "VerifyBatch", request: IdentityBatchRequest.self,
                   response: JSONValue.self) { request, context in
                try context.requireService(["intake"])
                let today = IdentityDate(Date())
                var results: [JSONValue] = []
                for item in request.items {
                    var check = try JSONCoding.encodeValue(validator.validate(item.value, today: today))
                    if case .object(var object) = check {
                        object["ref"] = .string(item.ref)
                        check = .object(object)
                    }
                    results.append(check)
                }
                return ["results": .array(results)]
            },
        ])
    }
}
