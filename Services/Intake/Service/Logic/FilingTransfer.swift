import BeianModel

/// Transfers between offices (移交) in terms of the model's state machine, which has no transfer
/// event: a transferred filing ends here as `cancelled` through the `withdraw` transition (allowed
/// exactly before acceptance), its last version named `transfer`, its staff note saying where it went.
package enum FilingTransfer {
    /// The version event of a transfer.
    package static let eventName = "transfer"
    /// Statuses a filing may be transferred from: submitted or returned, not yet accepted.
    package static let transferable: Set<FilingStatus> = [.submitted, .returnedForCorrection]

    /// Why `filing` cannot be transferred, or nil when it can.
    package static func refusal(_ filing: Filing) -> String? {
        guard !transferable.contains(filing.status) else { return nil }
        return "备案\(filing.id)当前为“\(filing.status.zh)”：仅已提交或退回补正（尚未准予备案）的备案可以移交 / "
            + "filing \(filing.id) is \(filing.status.rawValue): only submitted or returned filings can be transferred"
    }

    /// `filing` after its transfer to `targetOffice`, where it is `targetFilingID`.
    package static func transferredOut(_ filing: Filing, targetOffice: String, targetFilingID: String, reason: String,
                                       by actor: String, at time: Timestamp) throws(FilingTransitionError) -> Filing {
        var next = try filing.applying(.withdraw, by: actor, at: time)
        next.staffNote = "已移交\(targetOffice)办理（新备案受理编号\(targetFilingID)）：\(reason)"
        next.versions[next.versions.count - 1].event = eventName
        return next
    }

    /// Why a transfer of `filingID` to `requested` is refused when it already went to
    /// `transferredTo`, or nil when that is the office requested (a retry).
    package static func transferredElsewhere(_ filingID: String, to transferredTo: String,
                                             requested: String) -> (zh: String, en: String)? {
        guard requested != transferredTo else { return nil }
        return ("该备案已移交网信办\(transferredTo)",
                "filing \(filingID) was already transferred to office \(transferredTo)")
    }

    /// The actor name of a transfer received from `office`.
    package static func receivingActor(from office: String) -> String {
        "service intake@\(office) (transfer)"
    }
}
