import BeianModel

/// Which deadline a filing keeps on record (备案时限) when a later event is assessed.
///
/// The record shows the latest event's deadline, except that a late filing stays on record (a
/// sanction trigger) until a later event is late too. The answer to the event itself
/// (`FilingOutcome.deadline`) always gives that event's own assessment, and the history keeps
/// every assessment.
package enum RecordedDeadline {
    /// The deadline to keep when `next` is assessed after `previous`.
    package static func keeping(_ previous: DeadlineAssessment?, after next: DeadlineAssessment?) -> DeadlineAssessment? {
        guard let next else { return previous }
        if let previous, previous.timeliness == .late, next.timeliness != .late { return previous }
        return next
    }
}
