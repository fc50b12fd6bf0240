import BeianModel
import BeianRPC
import BeianServiceKit

extension ObjectAlreadyFiled: RPCErrorConvertible {
    /// ALREADY_EXISTS naming the account or website, not the filing that holds it (the caller may
    /// be an operator who is not its owner); staff find it by searching the name.
    package var rpcError: RPCError {
        let parts = key.split(separator: ":", maxSplits: 2).map(String.init)
        let (zh, en): (String, String)
        if parts.count == 3, parts[0] == "account" {
            let platform = Platform(rawValue: parts[1])
            zh = "\(platform?.zh ?? parts[1])账号“\(parts[2])”已在本办备案，请勿重复提交；信息有变化的请办理变更备案"
            en = "the \(parts[1]) account \"\(parts[2])\" is already filed with this office: do not file it twice; "
                + "report changes with a change filing"
        } else {
            let domain = parts.last ?? key
            zh = "网站“\(domain)”已在本办备案，请勿重复提交；信息有变化的请办理变更备案"
            en = "the website \"\(domain)\" is already filed with this office: do not file it twice; report changes "
                + "with a change filing"
        }
        let field = parts.first == "account" ? "object.account_id" : "object.domain"
        var error = RPCError(.alreadyExists, zh: zh, en: en)
        error.fieldViolations = [RPCError.FieldViolation(field: field, rule: "already_filed", zh: zh, en: en)]
        return error
    }
}
