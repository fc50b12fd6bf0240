import BeianModel
import BeianRPC
import BeianServiceKit

extension ObjectAlreadyFiled: RPCErrorConvertible {
    /// ALREADY_EXISTS naming the account or website, not the filing that holds it (the caller may
    /// be an operator who is not its owner); staff find it by searching the name.
    package var rpcError: RPCError {
        let (zh, en): (String, String)
        if let platform = key.platform {
            zh = "\(platform.zh)账号“\(key.identifier)”已在本办备案，请勿重复提交；信息有变化的请办理变更备案"
            en = "the \(platform.rawValue) account \"\(key.identifier)\" is already filed with this office: do not file "
                + "it twice; report changes with a change filing"
        } else {
            zh = "网站“\(key.identifier)”已在本办备案，请勿重复提交；信息有变化的请办理变更备案"
            en = "the website \"\(key.identifier)\" is already filed with this office: do not file it twice; report "
                + "changes with a change filing"
        }
        let field = key.platform == nil ? "object.domain" : "object.account_id"
        var error = RPCError(.alreadyExists, zh: zh, en: en)
        error.fieldViolations = [RPCError.FieldViolation(field: field, rule: "already_filed", zh: zh, en: en)]
        return error
    }
}
