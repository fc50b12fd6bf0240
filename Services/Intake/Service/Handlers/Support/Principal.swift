import BeianServiceKit

/// Who is acting on intake, once authenticated.
package enum Principal: Sendable, Hashable {
    /// Office staff of this office (or of one of its local offices).
    case staff(StaffMember)
    /// The operator of one filing, authenticated by its access code.
    case filingOperator(filingID: String)
    /// An operator submitting a new filing (no credentials yet).
    case newOperator

    /// The name recorded in versions, history and the audit chain.
    package var actor: String {
        switch self {
        case .staff(let member): member.label
        case .filingOperator(let id): "operator of \(id)"
        case .newOperator: "operator"
        }
    }

    /// The staff member, if staff.
    package var staffMember: StaffMember? {
        if case .staff(let member) = self { member } else { nil }
    }
}

/// A staff member of this office, from their client certificate.
package struct StaffMember: Sendable, Hashable {
    /// Name (CN).
    package var name: String
    /// Office code from the certificate (O): this office or one of its local offices.
    package var organization: String
    /// Role (OU).
    package var role: StaffRole
    /// What they may see.
    package var scope: StaffScope

    /// "clerk 王科长@611000".
    package var label: String { "\(role.rawValue) \(name)@\(organization)" }
}
