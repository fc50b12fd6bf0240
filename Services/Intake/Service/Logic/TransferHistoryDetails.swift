import BeianModel

/// Keys of the target office's scope decision in a `transfer_out` history entry.
package enum TargetScopeNote {
    /// Its outcome (`ScopeOutcome` raw value).
    package static let outcome = "target_scope"
    /// Its summary in Chinese.
    package static let zh = "target_scope_zh"
    /// Its summary in English.
    package static let en = "target_scope_en"
    /// `"true"` when the head transferred the filing over that decision.
    package static let overridden = "target_scope_overridden"
}

/// The `details` of the history and audit entries of a transfer: `transfer_out` in the sending
/// office (移交), `receive_transfer` in the receiving one (接收移交).
package enum TransferHistoryDetails {
    /// Where the filing went and why, with the target office's scope decision when it reported one,
    /// and `target_scope_overridden` when the head asked to override (`override_target_scope`) a
    /// decision that refuses the transfer.
    package static func transferOut(targetOffice: String, targetFilingID: String, reason: String,
                                    targetScope: ScopeDecision?, overrideRequested: Bool) -> [String: String] {
        var details = ["target_office": targetOffice, "target_filing_id": targetFilingID, "reason": reason]
        if let targetScope {
            details[TargetScopeNote.outcome] = targetScope.outcome.rawValue
            details[TargetScopeNote.zh] = targetScope.summaryZh
            details[TargetScopeNote.en] = targetScope.summaryEn
        }
        if overrideRequested, targetScope.flatMap(ScopeRefusal.check) != nil {
            details[TargetScopeNote.overridden] = "true"
        }
        return details
    }

    /// Where the filing came from and why, this office's scope outcome and verification state, the
    /// timeliness of its deadline when it has one, and `scope_override` when accepted over this
    /// office's scope rules.
    package static func receiveTransfer(fromOffice: String, fromFilingID: String, reason: String,
                                        scope: ScopeOutcome, verification: VerificationState,
                                        timeliness: Timeliness?, decision: TransferScopeDecision) -> [String: String] {
        var details = ["from_office": fromOffice, "from_filing_id": fromFilingID, "reason": reason,
                       "scope": scope.rawValue, "verification": verification.rawValue]
        if let timeliness { details["timeliness"] = timeliness.rawValue }
        if let note = decision.scopeOverride { details["scope_override"] = note }
        return details
    }
}
