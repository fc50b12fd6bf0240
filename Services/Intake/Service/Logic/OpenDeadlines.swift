import BeianModel

/// Deadlines the operator still has to meet (备案时限监测).
///
/// A filing returned for correction (退回补正) is not on file until the corrected version comes
/// in: while it is returned, its deadline counts as not filed (`pending` until the due date, then
/// `overdue`), and once it is resubmitted it is filed on the day of the resubmission (`on_time`
/// or `late`). Filings submitted, accepted or changed were filed when they came in; their
/// timeliness does not move with the calendar.
package enum OpenDeadlines {
    /// Statuses in which the operator owes the filing.
    package static let openStatuses: Set<FilingStatus> = [.returnedForCorrection]
    /// Version events by which an open filing is filed again.
    package static let refilingEvents: Set<String> = ["resubmit", "report_change"]
    /// "Due soon" means within this many days, unless the request says otherwise.
    package static let defaultWithinDays = 7

    /// Where a watched deadline stands.
    package enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Past the due date and not filed (已逾期).
        case overdue
        /// Due within the window (即将到期).
        case dueSoon = "due_soon"
        /// Filed after the due date (逾期备案).
        case late
    }

    /// The state of an open filing's deadline on `today`: overdue with the days past the due date,
    /// due soon with the days left, or nil when further away than `withinDays`.
    package static func classify(dueDate: CivilDate, today: CivilDate,
                                 withinDays: Int) -> (state: State, days: Int)? {
        if today > dueDate { return (.overdue, dueDate.days(until: today)) }
        let remaining = today.days(until: dueDate)
        return remaining <= withinDays ? (.dueSoon, remaining) : nil
    }

    /// The deadline of `record` recomputed on `today`, or nil when its timeliness stays the same
    /// (or it has no due date). Open filings are assessed as not filed; filings filed again after
    /// being open are assessed as filed on the day of the refiling.
    ///
    /// A deadline whose count needed a year the calendar lacked (`undetermined`) is counted again
    /// with its own filing date; it changes once the year's rest days are added.
    package static func reassess(_ record: IntakeFiling, today: CivilDate, profile: PolicyProfile,
                                 calendar: WorkingDayCalendar) -> DeadlineAssessment? {
        guard let current = record.deadline, current.dueDate != nil || current.timeliness == .undetermined else {
            return nil
        }
        let filing = record.filing
        let filed: CivilDate?
        if openStatuses.contains(filing.status) {
            filed = nil
        } else if current.timeliness == .undetermined {
            filed = current.filedDate
        } else if current.timeliness == .pending || current.timeliness == .overdue {
            guard let refiling = filing.versions.last(where: { refilingEvents.contains($0.event) }) else { return nil }
            filed = refiling.at.chinaCivilDate
        } else {
            return nil
        }
        guard let next = try? DeadlineCalculator.assess(
            profile: profile, event: current.event, eventDate: current.eventDate, filedDate: filed,
            today: filed == nil ? today : nil, operator: filing.operator,
            hasNewsLicence: SubmissionAssessor.hasNewsLicence(filing.object), calendar: calendar),
            next.timeliness != current.timeliness || next.dueDate != current.dueDate else { return nil }
        return next
    }
}
