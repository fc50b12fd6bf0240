/// A time limit as a notice states it: "15日内", "30个工作日内", "一个月内".
///
/// Counting convention (the same everywhere; see `COUNTING.md` beside this file):
/// - **calendar days**: day 1 is the day after the event; the limit ends on day N
///   (2021-06-10 + 15 days = 2021-06-25). If that day is a rest day (weekend or holiday), the
///   limit moves to the next working day.
/// - **working days**: day 1 is the first working day after the event; the limit ends on the
///   N-th working day, which is a working day by construction.
/// - **months**: the limit ends on the same day of month N months later, clamped to the last day
///   of a shorter month (01-31 + 1 month = 02-28/29); a rest day moves it to the next working day.
package struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How many units; at least 1.
    package var count: Int
    /// The unit.
    package var unit: PeriodUnit

    /// Creates a period.
    package init(_ count: Int, _ unit: PeriodUnit) {
        self.count = count
        self.unit = unit
    }

    /// The last day of the period that starts with the event on `event`.
    package func end(after event: CivilDate, calendar: WorkingDayCalendar) throws(CalendarError) -> PeriodEnd {
        switch unit {
        case .workingDays:
            let end = try calendar.adding(workingDays: count, after: event)
            return PeriodEnd(nominal: end, due: end)
        case .calendarDays:
            let nominal = event.adding(days: count)
            return PeriodEnd(nominal: nominal, due: try calendar.nextWorkingDay(onOrAfter: nominal))
        case .months:
            let nominal = event.adding(months: count)
            return PeriodEnd(nominal: nominal, due: try calendar.nextWorkingDay(onOrAfter: nominal))
        }
    }

    /// The earliest day the period can end when `calendar` lacks a year it needs: the count itself
    /// for calendar days and months (a rest day only moves the end later); for working days, those
    /// the calendar knows, then a calendar day for each one still missing.
    package func earliestEnd(after event: CivilDate, calendar: WorkingDayCalendar) -> CivilDate {
        switch unit {
        case .workingDays: calendar.earliestDay(workingDays: count, after: event)
        case .calendarDays: event.adding(days: count)
        case .months: event.adding(months: count)
        }
    }

    /// Chinese wording, e.g. `15日`, `30个工作日`, `1个月`.
    package var zh: String {
        switch unit {
        case .calendarDays: "\(count)日"
        case .workingDays: "\(count)个工作日"
        case .months: "\(count)个月"
        }
    }

    /// English wording, e.g. `15 calendar days`.
    package var description: String {
        switch unit {
        case .calendarDays: "\(count) calendar day\(count == 1 ? "" : "s")"
        case .workingDays: "\(count) working day\(count == 1 ? "" : "s")"
        case .months: "\(count) month\(count == 1 ? "" : "s")"
        }
    }
}

/// The unit of a `Period`.
package enum PeriodUnit: String, Hashable, Sendable, Codable, CaseIterable {
    /// Calendar days (日/天).
    case calendarDays = "calendar_days"
    /// Working days (工作日) per the State Council calendar.
    case workingDays = "working_days"
    /// Calendar months (个月).
    case months
}

/// Where a period ends: the day the counting reaches, and the due date after moving off a
/// rest day.
package struct PeriodEnd: Hashable, Sendable, Codable {
    /// The day the count reaches (may be a rest day for calendar-day and month periods).
    package var nominal: CivilDate
    /// The last day to act: `nominal`, or the next working day when `nominal` is a rest day.
    package var due: CivilDate

    /// Whether the due date was moved off a rest day.
    package var movedOffRestDay: Bool { due != nominal }
}
