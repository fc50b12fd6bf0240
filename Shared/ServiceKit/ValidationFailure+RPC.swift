import BeianModel
import BeianRPC

extension BeianModel.FieldViolation {
    /// The violation as it goes on the wire (`bad_request` detail entry, both languages).
    package var wire: RPCError.FieldViolation {
        RPCError.FieldViolation(field: field, rule: rule, zh: messageZh, en: messageEn)
    }
}

extension ValidationFailure: RPCErrorConvertible {
    /// INVALID_ARGUMENT listing every bad field.
    package var rpcError: RPCError {
        RPCError.invalidArgument(
            "\(violations.count) 个字段不符合要求 / \(violations.count) field(s) are invalid",
            violations: violations.map(\.wire))
    }
}
