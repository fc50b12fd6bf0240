/// When a filing is due and whether it came in time (按期备案).
package struct DeadlineAssessment: Hashable, Sendable, Codable {
    /// The event that started the period.
    package var event: DeadlineEvent
    /// Its date.
    package var eventDate: CivilDate
    /// The profile's rule that applied, if any.
    package var rule: DeadlineRule?
    /// The concentrated window, when the object was due at its end.
    package var window: FilingWindow?
    /// The day the count reached (before moving off a rest day); nil without a deadline.
    package var nominalDueDate: CivilDate?
    /// The last day to file; nil when no rule applies.
    package var dueDate: CivilDate?
    /// Whether the due date moved from a rest day to the next working day.
    package var movedOffRestDay: Bool
    /// The filing date, when filed.
    package var filedDate: CivilDate?
    /// The verdict.
    package var timeliness: Timeliness
    /// Calendar days after the due date (late or overdue), else nil.
    package var daysLate: Int?
    /// Calendar days left until the due date (pending with `today`), else nil.
    package var daysRemaining: Int?
    /// The earliest the due date can be, when the rest-day calendar lacks a year the count needs
    /// (`missingCalendarYear`): the count's end with no rest day moving it. A filing on or before
    /// it is on time whatever the missing year holds.
    package var earliestDueDate: CivilDate? = nil
    /// The year whose State Council rest-day data the count needs and the calendar lacks; nil when
    /// the due date is known. The deadline sweep counts again once the year is added.
    package var missingCalendarYear: Int? = nil
    /// How the due date was counted, in Chinese.
    package var explanationZh: String
    /// How the due date was counted, in English.
    package var explanationEn: String
}

/// Verdict on a filing date.
package enum Timeliness: String, Hashable, Sendable, Codable, CaseIterable {
    /// Filed during (or before) the concentrated filing window (集中备案期内).
    case early
    /// Filed after the window (or without one) and by the due date.
    case onTime = "on_time"
    /// Filed after the due date.
    case late
    /// Not filed yet and not past the due date (or `today` unknown).
    case pending
    /// Not filed and past the due date.
    case overdue
    /// The profile sets no deadline for this event and operator.
    case noDeadline = "no_deadline"
    /// The due date needs a year of rest-day data the calendar lacks (期限待定), and the filing
    /// date does not settle the verdict without it.
    case undetermined
}
