import BeianRPC
import BeianServiceKit

/// Who may call the identity service: the office's Beian services (intake, ...) and its staff
/// (clerk, head, auditor), both by their verified client certificates.
enum IdentityAccess {
    /// The caller, if allowed: UNAUTHENTICATED without a client certificate, PERMISSION_DENIED
    /// for a certificate that names no known service or staff role.
    @discardableResult
    static func authorize(_ context: ServerContext) throws(RPCError) -> Caller {
        let caller = try context.caller()
        if case .anonymous = caller {
            throw RPCError(.unauthenticated,
                           "\(context.method) requires a client certificate of a Beian service or of office staff")
        }
        return caller
    }
}
