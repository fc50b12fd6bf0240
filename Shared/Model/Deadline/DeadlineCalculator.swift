/// Computes filing deadlines from an office profile, by the counting convention of `Period`
/// (see `Shared/Model/Calendar/COUNTING.md`).
///
/// - Objects opened before or during the concentrated window (new-account events on or before
///   the window's last day) are due at the window's last day.
/// - Otherwise the profile's rule for the event applies: the most specific one for the operator
///   (government, public servant, unit/individual before `all`); rules marked news-licence-only
///   apply only to licensed objects.
/// - A filing on or before the due date made within or before the window is `early`; otherwise
///   by the due date `on_time`; after it `late` by the calendar days past the due date.
package enum DeadlineCalculator {
    /// The deadline assessment. When the working-day calendar lacks a year the count needs, the
    /// due date is unknown: the verdict is `undetermined` unless the filing date came before the
    /// earliest possible due date (then it is on time whatever that year's rest days are). Throws
    /// only for calendar errors other than a missing year.
    package static func assess(profile: PolicyProfile, event: DeadlineEvent, eventDate: CivilDate,
                               filedDate: CivilDate? = nil, today: CivilDate? = nil, operator op: Operator? = nil,
                               hasNewsLicence: Bool = false, window: FilingWindow?,
                               calendar: WorkingDayCalendar) throws(CalendarError) -> DeadlineAssessment {
        var result = DeadlineAssessment(
            event: event, eventDate: eventDate, rule: nil, window: nil, nominalDueDate: nil, dueDate: nil,
            movedOffRestDay: false, filedDate: filedDate, timeliness: .noDeadline, daysLate: nil, daysRemaining: nil,
            explanationZh: "", explanationEn: "")
        let rule = selectRule(profile: profile, event: event, operator: op, hasNewsLicence: hasNewsLicence)
        result.rule = rule
        if event == .newAccount, let window, eventDate <= window.end {
            result.window = window
            result.nominalDueDate = window.end
            result.dueDate = window.end
            result.explanationZh = "\(eventDate)开通，在集中备案期（\(window.start)至\(window.end)）结束前开通的，"
                + "应在集中备案期内备案，截止\(window.end)"
            result.explanationEn = "opened \(eventDate), before the end of the concentrated window "
                + "\(window.start)..\(window.end): due at the window's last day \(window.end)"
        } else if let rule {
            let end: PeriodEnd
            do {
                end = try rule.period.end(after: eventDate, calendar: calendar)
            } catch where error.code == "year_not_covered" {
                return withoutCalendar(result, rule: rule, missingYear: error.year ?? eventDate.year,
                                       calendar: calendar)
            }
            result.nominalDueDate = end.nominal
            result.dueDate = end.due
            result.movedOffRestDay = end.movedOffRestDay
            let moved = end.movedOffRestDay ? "，\(end.nominal)为休息日，顺延至\(end.due)" : ""
            let movedEn = end.movedOffRestDay ? "; \(end.nominal) is a rest day, so the next working day \(end.due)" : ""
            result.explanationZh = "\(rule.wording)：自\(eventDate)次日起算\(rule.period.zh)，至\(end.nominal)\(moved)"
            result.explanationEn = "\(rule.period) counted from the day after \(eventDate) "
                + "(\(countingNote(rule.period.unit))): \(end.nominal)\(movedEn)"
        } else {
            result.explanationZh = "\(profile.shortName)的通知未规定该事项的备案期限"
            result.explanationEn = "\(profile.nameEn) sets no deadline for \(event.rawValue)"
            return result
        }
        guard let due = result.dueDate else { return result }
        if let filed = filedDate {
            if filed > due {
                result.timeliness = .late
                result.daysLate = due.days(until: filed)
            } else if let window, event == .newAccount, filed <= window.end {
                result.timeliness = .early
            } else {
                result.timeliness = .onTime
            }
        } else if let today {
            if today > due {
                result.timeliness = .overdue
                result.daysLate = due.days(until: today)
            } else {
                result.timeliness = .pending
                result.daysRemaining = today.days(until: due)
            }
        } else {
            result.timeliness = .pending
        }
        return result
    }

    /// The assessment when the calendar lacks `missingYear`: no due date; on time if filed by the
    /// earliest the due date can be, else `undetermined`. (Objects opened within a concentrated
    /// window never get here: their due date is the window's end.)
    private static func withoutCalendar(_ partial: DeadlineAssessment, rule: DeadlineRule, missingYear: Int,
                                        calendar: WorkingDayCalendar) -> DeadlineAssessment {
        var result = partial
        let earliest = rule.period.earliestEnd(after: result.eventDate, calendar: calendar)
        result.earliestDueDate = earliest
        result.missingCalendarYear = missingYear
        let counted = "\(rule.wording)：自\(result.eventDate)次日起算\(rule.period.zh)"
        let countedEn = "\(rule.period) counted from the day after \(result.eventDate)"
        if let filed = result.filedDate, filed <= earliest {
            result.timeliness = .onTime
            result.explanationZh = "\(counted)；\(missingYear)年的国务院节假日安排尚未载入，截止日期待定，"
                + "但不早于\(earliest)，\(filed)备案属按期"
            result.explanationEn = "\(countedEn); the State Council rest days of \(missingYear) are not loaded, so the "
                + "due date is not known yet, but it is no earlier than \(earliest): filed \(filed), on time"
        } else {
            result.timeliness = .undetermined
            result.explanationZh = "\(counted)；\(missingYear)年的国务院节假日安排尚未载入，截止日期待定"
                + "（不早于\(earliest)），载入后自动计算"
            result.explanationEn = "\(countedEn); the State Council rest days of \(missingYear) are not loaded, so the "
                + "due date is not known yet (no earlier than \(earliest)); it is counted once they are"
        }
        return result
    }

    /// `assess` with the profile's own concentrated window.
    package static func assess(profile: PolicyProfile, event: DeadlineEvent, eventDate: CivilDate,
                               filedDate: CivilDate? = nil, today: CivilDate? = nil, operator op: Operator? = nil,
                               hasNewsLicence: Bool = false,
                               calendar: WorkingDayCalendar) throws(CalendarError) -> DeadlineAssessment {
        try assess(profile: profile, event: event, eventDate: eventDate, filedDate: filedDate, today: today,
                   operator: op, hasNewsLicence: hasNewsLicence, window: profile.window, calendar: calendar)
    }

    /// The rule for an event: the most specific one that includes the operator.
    package static func selectRule(profile: PolicyProfile, event: DeadlineEvent, operator op: Operator?,
                                   hasNewsLicence: Bool) -> DeadlineRule? {
        var best: DeadlineRule?
        for rule in profile.deadlines
        where rule.event == event && (rule.newsLicenceOnly != true || hasNewsLicence)
            && (op.map(rule.appliesTo.includes) ?? (rule.appliesTo == .all)) {
            if let current = best, current.appliesTo.specificity <= rule.appliesTo.specificity { continue }
            best = rule
        }
        return best
    }

    private static func countingNote(_ unit: PeriodUnit) -> String {
        switch unit {
        case .calendarDays: "day 1 is the next day; a rest day at the end moves to the next working day"
        case .workingDays: "day 1 is the next working day, per the State Council calendar"
        case .months: "same day of month, clamped to the month's end; a rest day moves to the next working day"
        }
    }
}
