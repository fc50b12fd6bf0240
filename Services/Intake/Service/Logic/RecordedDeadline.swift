import BeianModel

/// Which deadline a filing keeps on record (备案时限) when a later event is assessed.
///
/// The record shows one deadline: the latest event's, with two exceptions that keep facts
/// staff act on. A late filing stays on record (a sanction trigger) until a later event is late
/// too; and an event the profile sets no deadline for (a Shangluo closure, say) leaves the
/// earlier deadline in place. Every assessment is also in the filing's history either way.
package enum RecordedDeadline {
    /// The deadline to keep when `next` is assessed after `previous`.
    package static func keeping(_ previous: DeadlineAssessment?, after next: DeadlineAssessment?) -> DeadlineAssessment? {
        guard let next else { return previous }
        guard let previous else { return next }
        if next.timeliness == .noDeadline { return previous }
        if previous.timeliness == .late, next.timeliness != .late { return previous }
        return next
    }
}
