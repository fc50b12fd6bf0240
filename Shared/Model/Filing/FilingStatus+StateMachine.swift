import Foundation

extension FilingStatus {
    /// The status after `event`, or an error when the event is not allowed now.
    ///
    /// ```
    /// draft ──submit──▶ submitted ──accept──▶ accepted ──report_change──▶ changed
    ///   │                 │  │  ▲                 ▲  │                      │ │
    ///   │      return_for_│  │  └resubmit┐        │  └──close──▶ cancelled ◀┘ │ (close)
    ///   │      correction ▼  └─reject──▶ rejected  └────────accept_change────┘
    ///   │     returned_for_correction ─────┘
    ///   └─withdraw─▶ cancelled  (withdraw also from submitted / returned_for_correction)
    /// ```
    /// `report_change` is also allowed from `changed` (a second change before confirmation).
    package func applying(_ event: FilingEvent) throws(FilingTransitionError) -> FilingStatus {
        switch (self, event) {
        case (.draft, .submit): return .submitted
        case (.submitted, .returnForCorrection(let reason)), (.changed, .returnForCorrection(let reason)):
            try requireReason(reason, event)
            return .returnedForCorrection
        case (.returnedForCorrection, .resubmit): return .submitted
        case (.submitted, .accept(let number)):
            guard !number.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw FilingTransitionError(code: "filing_number_required", from: self, event: event.name,
                                            message: "accepting a filing needs a filing number")
            }
            return .accepted
        case (.submitted, .reject(let reason)):
            try requireReason(reason, event)
            return .rejected
        case (.accepted, .reportChange), (.changed, .reportChange): return .changed
        case (.changed, .acceptChange): return .accepted
        case (.accepted, .close), (.changed, .close): return .cancelled
        case (.draft, .withdraw), (.submitted, .withdraw), (.returnedForCorrection, .withdraw): return .cancelled
        default:
            throw FilingTransitionError(
                code: "transition_not_allowed", from: self, event: event.name,
                message: "a filing that is \(rawValue) cannot take the event \(event.name)"
                    + (isTerminal ? " (\(rawValue) is final)" : ""))
        }
    }

    private func requireReason(_ reason: String, _ event: FilingEvent) throws(FilingTransitionError) {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FilingTransitionError(code: "reason_required", from: self, event: event.name,
                                        message: "\(event.name) needs a reason for the operator")
        }
    }
}

extension Filing {
    /// The filing after `event`: new status, facts recorded, and a new version appended.
    /// `content` replaces the filed content when given (a correction or a change).
    package func applying(_ event: FilingEvent, content newContent: FilingContent? = nil, by actor: String,
                          at time: Timestamp) throws(FilingTransitionError) -> Filing {
        var next = self
        next.status = try status.applying(event)
        if let newContent {
            next.operator = newContent.operator
            next.object = newContent.object
            next.materials = newContent.materials
            next.scopeFacts = newContent.scopeFacts
        }
        switch event {
        case .accept(let number): next.filingNumber = number; next.staffNote = nil
        case .returnForCorrection(let reason), .reject(let reason): next.staffNote = reason
        case .reportChange(let facts): next.change = facts
        case .close(let facts): next.closure = facts
        case .resubmit, .acceptChange, .submit: next.staffNote = nil
        case .withdraw: break
        }
        next.versions.append(FilingVersion(number: version + 1, at: time, by: actor, event: event.name,
                                           status: next.status, content: next.content))
        return next
    }
}
