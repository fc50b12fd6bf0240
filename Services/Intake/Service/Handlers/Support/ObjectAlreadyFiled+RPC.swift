import BeianModel
import BeianRPC
import BeianServiceKit

extension ObjectAlreadyFiled: RPCErrorConvertible {
    /// ALREADY_EXISTS naming the account or website, not the filing that holds it (the caller may
    /// be an operator who is not its owner); staff find it by searching the name.
    package var rpcError: RPCError {
        let violation = key.alreadyFiled
        var error = RPCError(.alreadyExists, zh: violation.messageZh, en: violation.messageEn)
        error.fieldViolations = [RPCError.FieldViolation(field: violation.field, rule: violation.rule,
                                                         zh: violation.messageZh, en: violation.messageEn)]
        return error
    }
}
