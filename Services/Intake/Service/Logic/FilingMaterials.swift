import BeianModel

/// Which materials a filing has: those declared by reference in its filed content plus those
/// uploaded to intake (uploads are kept beside the versions, so a corrected or changed form
/// does not drop them).
package enum FilingMaterials {
    /// Material kinds that are copies of identity cards (reads by staff are audited).
    package static let identityCopies: Set<MaterialKind> = [.ownIdCopy, .responsiblePersonIdCopy, .principalIdCopy]

    /// The profile's check of `filing` with its uploads.
    package static func check(profile: PolicyProfile, filing: Filing, uploaded: [MaterialInfo]) -> MaterialCheck {
        MaterialCheck(profile: profile, operator: filing.operator,
                      materials: filing.materials + uploaded.map(\.reference))
    }

    /// Whether materials may still be attached: not to a rejected or cancelled filing.
    package static func acceptsUploads(_ status: FilingStatus) -> Bool {
        !status.isTerminal
    }
}
