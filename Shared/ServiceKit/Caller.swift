import BeianRPC
import BeianTLS

/// A role of office staff, from the `OU` of their client certificate.
package enum StaffRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// 科员: reviews filings.
    case clerk
    /// 负责人: reviews, transfers, statistics.
    case head
    /// 审计: read-only; every read of personal numbers is logged.
    case auditor
}

/// Who is calling, as established by the verified client certificate.
package enum Caller: Sendable, Hashable, CustomStringConvertible {
    /// Office staff: name (CN), office code (O), role (OU).
    case staff(name: String, office: String, role: StaffRole)
    /// Another Beian service of an office: its name (OU), office code (O) if any.
    case service(name: String, office: String?)
    /// No client certificate (server-only TLS): an operator or the public, identified per call.
    case anonymous

    /// The services of an office; their certificates carry the service name as `OU`.
    package static let serviceNames: Set<String> = ["intake", "identity", "approvals", "sanctions"]

    /// Classifies a verified certificate subject. A certificate whose `OU` is neither a role nor a
    /// service is `nil`: it verifies, but it grants nothing.
    package init?(peer: PeerIdentity?) {
        guard let peer else {
            self = .anonymous
            return
        }
        let unit = peer.organizationalUnit ?? ""
        if let role = StaffRole(rawValue: unit), let office = peer.organization, !office.isEmpty {
            self = .staff(name: peer.commonName ?? "", office: office, role: role)
        } else if Caller.serviceNames.contains(unit) {
            self = .service(name: unit, office: peer.organization)
        } else {
            return nil
        }
    }

    /// A name for logs and audit records ("clerk 王科长@611000", "service intake@611000", "anonymous").
    package var description: String {
        switch self {
        case .staff(let name, let office, let role): "\(role.rawValue) \(name)@\(office)"
        case .service(let name, let office): "service \(name)@\(office ?? "-")"
        case .anonymous: "anonymous"
        }
    }
}

extension ServerContext {
    /// The method in a Chinese refusal: "此操作（ListFilings）" (the full name stays in the English text).
    package var operationZh: String {
        let name = method.split(separator: "/").last.map(String.init) ?? method
        return "此操作（\(name)）"
    }

    /// The caller; PERMISSION_DENIED for a certificate that names no known role or service.
    package func caller() throws(RPCError) -> Caller {
        guard let caller = Caller(peer: peer) else {
            let unit = peer?.organizationalUnit ?? ""
            throw RPCError(.permissionDenied, zh: "客户端证书未载明已知的角色或服务（OU \"\(unit)\"）",
                           en: "the client certificate names no known role or service (OU \"\(unit)\")")
        }
        return caller
    }

    /// Requires office staff with one of `roles`; with `office`, of that office only.
    /// UNAUTHENTICATED without a certificate, PERMISSION_DENIED for the wrong role or office.
    @discardableResult
    package func requireStaff(_ roles: Set<StaffRole> = Set(StaffRole.allCases), office: String? = nil) throws(RPCError)
        -> (name: String, office: String, role: StaffRole)
    {
        switch try caller() {
        case .staff(let name, let staffOffice, let role):
            guard roles.contains(role) else {
                let allowed = StaffRole.allCases.filter(roles.contains)
                throw RPCError(.permissionDenied,
                               zh: "\(role.zh)无权进行\(operationZh)，可进行的角色：\(allowed.map(\.zh).joined(separator: "、"))",
                               en: "role \(role.rawValue) may not call \(method); allowed: "
                                   + allowed.map(\.rawValue).sorted().joined(separator: ", "))
            }
            if let office, office != staffOffice {
                throw RPCError(.permissionDenied, zh: "网信办\(staffOffice)的工作人员不能代网信办\(office)办理",
                               en: "staff of office \(staffOffice) may not act for office \(office)")
            }
            return (name, staffOffice, role)
        case .service(let name, _):
            throw RPCError(.permissionDenied, zh: "服务\(name)无权进行\(operationZh)，仅限工作人员",
                           en: "service \(name) may not call \(method): staff only")
        case .anonymous:
            throw RPCError(.unauthenticated, zh: "\(operationZh)须出示工作人员的客户端证书",
                           en: "\(method) requires a staff client certificate")
        }
    }

    /// Requires one of the named services (mutual TLS between services).
    @discardableResult
    package func requireService(_ names: Set<String>) throws(RPCError) -> String {
        switch try caller() {
        case .service(let name, _) where names.contains(name):
            return name
        case .anonymous:
            throw RPCError(.unauthenticated, zh: "\(operationZh)须出示服务的客户端证书",
                           en: "\(method) requires a service client certificate")
        default:
            let allowed = names.sorted()
            throw RPCError(.permissionDenied, zh: "\(operationZh)仅限以下服务进行：\(allowed.joined(separator: "、"))",
                           en: "\(method) may be called only by: \(allowed.joined(separator: ", "))")
        }
    }
}
