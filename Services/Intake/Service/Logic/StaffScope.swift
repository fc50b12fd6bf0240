import BeianModel

/// What part of the office's filings a staff member may see (属地管理), from the `O` of their
/// certificate: the office itself sees everything, a local office (a county office listed in
/// the profile, e.g. 桥西区 `130503` in Xingtai) only the filings routed to it.
package enum StaffScope: Sendable, Hashable {
    /// The whole office.
    case office
    /// One local office, by its id in the profile.
    case localOffice(String)

    /// The scope of staff whose certificate names `organization`; nil when it is another office
    /// (they see nothing of this office).
    package static func of(organization: String, profile: PolicyProfile) -> StaffScope? {
        if organization == profile.officeCode { return .office }
        if profile.localOffices.contains(where: { $0.id == organization }) { return .localOffice(organization) }
        return nil
    }

    /// Whether a filing routed to `localOffice` (nil: the office itself) is visible.
    package func covers(localOffice: String?) -> Bool {
        switch self {
        case .office: true
        case .localOffice(let id): localOffice == id
        }
    }

    /// The local office to force on filters and new filings, if any.
    package var localOfficeID: String? {
        if case .localOffice(let id) = self { id } else { nil }
    }
}
