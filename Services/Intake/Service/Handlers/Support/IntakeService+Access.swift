import BeianModel
import BeianRPC
import BeianServiceKit

/// Who may do what (权限):
/// - staff authenticate by client certificate: `O` is this office (sees everything) or one of
///   its local offices (sees only filings routed there), `OU` the role. Staff of any other office
///   get PERMISSION_DENIED for every method, before anything is looked up (nothing leaks).
/// - a filing a local-office staff member may not see answers NOT_FOUND, exactly as a filing that
///   does not exist (its existence is not revealed).
/// - operators present `filing-id` and `access-code` metadata: missing or not matching is
///   UNAUTHENTICATED (the same answer whether the id exists or not); a request about another
///   filing than the one authenticated is PERMISSION_DENIED.
/// - other services (OU = a service name) may not call intake's methods (PERMISSION_DENIED), except
///   this office's `sanctions` service `DeadlineWatch`, and another office's `intake` service
///   `ReceiveTransfer` (O = the sending office).
extension IntakeService {
    /// Metadata key of the operator's filing id.
    package static let filingIDKey = "filing-id"
    /// Metadata key of the operator's access code.
    package static let accessCodeKey = "access-code"

    /// Requires staff of this office with one of `roles`.
    package func requireStaff(_ context: ServerContext, roles: Set<StaffRole>) throws(RPCError) -> StaffMember {
        let staff = try context.requireStaff(roles)
        guard let scope = StaffScope.of(organization: staff.office, profile: profile) else {
            throw RPCError(.permissionDenied, zh: "网信办\(staff.office)的工作人员无权查阅或办理网信办\(officeCode)的备案",
                           en: "staff of office \(staff.office) may not access the filings of office \(officeCode)")
        }
        return StaffMember(name: staff.name, organization: staff.office, role: staff.role, scope: scope)
    }

    /// The submitter of a new filing: an operator (no certificate) or clerk/head on an operator's behalf.
    package func requireSubmitter(_ context: ServerContext) throws(RPCError) -> Principal {
        switch try context.caller() {
        case .anonymous: return .newOperator
        case .staff: return .staff(try requireStaff(context, roles: [.clerk, .head]))
        case .service(let name, _):
            throw RPCError(.permissionDenied, zh: "服务\(name)不能提交备案", en: "service \(name) may not submit filings")
        }
    }

    /// The caller acting on filing `filingID`: staff with one of `staffRoles`, or its operator
    /// (when `operators` allows). Staff visibility of the filing itself is checked on load
    /// (`visibleFiling`).
    package func requireActor(_ context: ServerContext, filingID: String, staffRoles: Set<StaffRole>,
                              operators: Bool = true) async throws -> Principal {
        switch try context.caller() {
        case .staff: return .staff(try requireStaff(context, roles: staffRoles))
        case .service(let name, _):
            throw RPCError(.permissionDenied, zh: "服务\(name)无权进行\(context.operationZh)",
                           en: "service \(name) may not call \(context.method)")
        case .anonymous:
            guard operators else {
                throw RPCError(.unauthenticated, zh: "\(context.operationZh)须出示工作人员的客户端证书",
                               en: "\(context.method) requires a staff client certificate")
            }
            let authenticated = try await authenticateOperator(context)
            guard authenticated == filingID else {
                throw RPCError(.permissionDenied, zh: "该查询码属于备案\(authenticated)，不是\(filingID)",
                               en: "the access code is for filing \(authenticated), not \(filingID)")
            }
            return .filingOperator(filingID: authenticated)
        }
    }

    /// The filing id the operator's metadata proves access to (in the stored form: the metadata's id
    /// is normalized as request ids are, `FilingIdentifier.normalize`).
    package func authenticateOperator(_ context: ServerContext) async throws -> String {
        guard let id = context.metadata[Self.filingIDKey].map(FilingIdentifier.normalize),
              let code = context.metadata[Self.accessCodeKey], !id.isEmpty, !code.isEmpty else {
            throw RPCError(.unauthenticated, zh: "请提供备案编号和查询码（见提交回执），或工作人员的客户端证书",
                           en: "present metadata \(Self.filingIDKey) and \(Self.accessCodeKey) (from the submission "
                               + "receipt), or a staff client certificate")
        }
        let presented = repository.cipher.lookupHash(code, purpose: AccessCode.purpose)
        let repository = self.repository
        let stored = FilingIdentifier.isWellFormed(id)
            ? try await store.read { db in try repository.accessHash(id: id, in: db) } : nil
        let expected = stored?.hash ?? [UInt8](repeating: 0, count: presented.count)
        guard ConstantTime.equal(presented, expected), stored != nil else {
            throw RPCError(.unauthenticated, zh: "备案编号与查询码不匹配", en: "filing-id and access-code do not match")
        }
        return id
    }

    /// NOT_FOUND for a filing that does not exist or that `principal` may not see.
    package func checkVisible(_ filing: Filing?, to principal: Principal, id: String) throws(RPCError) -> Filing {
        guard let filing else { throw notFound(id) }
        switch principal {
        case .staff(let member):
            guard member.scope.covers(localOffice: filing.localOfficeCode) else { throw notFound(id) }
        case .filingOperator(let own):
            guard own == filing.id else {
                throw RPCError(.permissionDenied, zh: "不是您的备案", en: "not your filing")
            }
        case .newOperator:
            throw notFound(id)
        }
        return filing
    }

    /// NOT_FOUND naming the id.
    package func notFound(_ id: String) -> RPCError {
        RPCError(.notFound, zh: "未找到备案 \(id)", en: "filing \(id) not found")
    }
}
