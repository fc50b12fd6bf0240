import BeianModel
import Testing

@Suite("Deadlines from the seeds")
struct DeadlineTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let office: String
        let event: DeadlineEvent
        let eventDate: String
        let filed: String?
        let due: String
        let timeliness: Timeliness
        let daysLate: Int?
        var government = false
        var newsLicence = false
        var testDescription: String { "\(office) \(event.rawValue) \(eventDate) filed \(filed ?? "-") → \(due) \(timeliness)" }
    }

    static let cases: [Case] = [
        // Shangluo: change within 15 days; new accounts within one month after the window.
        Case(office: Fixtures.shangluo, event: .change, eventDate: "2021-06-10", filed: "2021-06-25", due: "2021-06-25",
             timeliness: .onTime, daysLate: nil),
        Case(office: Fixtures.shangluo, event: .change, eventDate: "2021-06-10", filed: "2021-06-28", due: "2021-06-25",
             timeliness: .late, daysLate: 3),
        Case(office: Fixtures.shangluo, event: .newAccount, eventDate: "2021-06-30", filed: nil, due: "2021-07-30",
             timeliness: .pending, daysLate: nil),
        Case(office: Fixtures.shangluo, event: .newAccount, eventDate: "2021-09-01", filed: "2021-10-08", due: "2021-10-08",
             timeliness: .onTime, daysLate: nil),
        Case(office: Fixtures.shangluo, event: .newAccount, eventDate: "2021-05-10", filed: "2021-05-20", due: "2021-05-31",
             timeliness: .early, daysLate: nil),
        Case(office: Fixtures.shangluo, event: .newAccount, eventDate: "2021-05-10", filed: "2021-06-02", due: "2021-05-31",
             timeliness: .late, daysLate: 2),
        // Kaiping: 30 working days after opening, across the 2024 Spring Festival.
        Case(office: Fixtures.kaiping, event: .newAccount, eventDate: "2024-01-25", filed: "2024-03-12", due: "2024-03-12",
             timeliness: .onTime, daysLate: nil),
        Case(office: Fixtures.kaiping, event: .newAccount, eventDate: "2024-01-25", filed: "2024-03-13", due: "2024-03-12",
             timeliness: .late, daysLate: 1),
        Case(office: Fixtures.kaiping, event: .newAccount, eventDate: "2024-01-10", filed: "2024-01-15", due: "2024-01-19",
             timeliness: .early, daysLate: nil),
        Case(office: Fixtures.kaiping, event: .newAccount, eventDate: "2023-06-01", filed: "2024-01-22", due: "2024-01-19",
             timeliness: .late, daysLate: 3),
        Case(office: Fixtures.kaiping, event: .change, eventDate: "2024-03-01", filed: "2024-09-01", due: "-",
             timeliness: .noDeadline, daysLate: nil),
        // Hengdong: 30 days; 2019-10-01 falls in the National Day holiday and moves to 10-08.
        Case(office: Fixtures.hengdong, event: .newAccount, eventDate: "2019-08-20", filed: "2019-09-19", due: "2019-09-19",
             timeliness: .onTime, daysLate: nil),
        Case(office: Fixtures.hengdong, event: .newAccount, eventDate: "2019-09-01", filed: "2019-10-09", due: "2019-10-08",
             timeliness: .late, daysLate: 1),
        Case(office: Fixtures.hengdong, event: .newAccount, eventDate: "2019-07-01", filed: "2019-07-24", due: "2019-08-13",
             timeliness: .early, daysLate: nil),
        // Xingtai: 15 days new, 30 days change.
        Case(office: Fixtures.xingtai, event: .newAccount, eventDate: "2020-06-01", filed: "2020-06-16", due: "2020-06-16",
             timeliness: .onTime, daysLate: nil),
        Case(office: Fixtures.xingtai, event: .newAccount, eventDate: "2020-09-20", filed: "2020-10-12", due: "2020-10-09",
             timeliness: .late, daysLate: 3),
        Case(office: Fixtures.xingtai, event: .change, eventDate: "2020-06-01", filed: "2020-07-01", due: "2020-07-01",
             timeliness: .onTime, daysLate: nil),
        Case(office: Fixtures.xingtai, event: .change, eventDate: "2020-06-01", filed: "2020-07-11", due: "2020-07-01",
             timeliness: .late, daysLate: 10),
        // Gejiu: closure within 5 working days (across National Day 2019), approval within 10 working days.
        Case(office: Fixtures.gejiu, event: .closure, eventDate: "2019-09-27", filed: "2019-10-10", due: "2019-10-10",
             timeliness: .onTime, daysLate: nil, government: true),
        Case(office: Fixtures.gejiu, event: .closure, eventDate: "2019-09-27", filed: "2019-10-11", due: "2019-10-10",
             timeliness: .late, daysLate: 1, government: true),
        Case(office: Fixtures.gejiu, event: .closure, eventDate: "2019-11-04", filed: "2019-11-08", due: "2019-11-11",
             timeliness: .onTime, daysLate: nil, newsLicence: true),
        Case(office: Fixtures.gejiu, event: .closure, eventDate: "2019-11-04", filed: "2019-12-30", due: "-",
             timeliness: .noDeadline, daysLate: nil),
        Case(office: Fixtures.gejiu, event: .governmentMediaApproval, eventDate: "2024-02-08", filed: "2024-02-28",
             due: "2024-02-28", timeliness: .onTime, daysLate: nil, government: true),
        Case(office: Fixtures.gejiu, event: .newAccount, eventDate: "2019-11-01", filed: "2019-11-11", due: "2019-11-11",
             timeliness: .onTime, daysLate: nil),
    ]

    @Test("due dates and timeliness", arguments: cases)
    func assess(_ c: Case) throws {
        let profile = try Fixtures.profile(c.office)
        let op = c.government ? Fixtures.unit("个旧市教育局", type: .organ) : Fixtures.person()
        let result = try DeadlineCalculator.assess(
            profile: profile, event: c.event, eventDate: Fixtures.date(c.eventDate), filedDate: c.filed.map(Fixtures.date),
            operator: op, hasNewsLicence: c.newsLicence, calendar: try Fixtures.calendar())
        #expect(result.dueDate?.iso ?? "-" == c.due)
        #expect(result.timeliness == c.timeliness)
        #expect(result.daysLate == c.daysLate)
        #expect(!result.explanationEn.isEmpty && !result.explanationZh.isEmpty)
    }

    @Test("a due date on a rest day moves and says so")
    func movedOffRestDay() throws {
        let result = try DeadlineCalculator.assess(
            profile: Fixtures.profile(Fixtures.shangluo), event: .newAccount, eventDate: Fixtures.date("2021-09-01"),
            calendar: Fixtures.calendar())
        #expect(result.nominalDueDate?.iso == "2021-10-01")
        #expect(result.dueDate?.iso == "2021-10-08")
        #expect(result.movedOffRestDay)
        #expect(result.explanationEn.contains("rest day"))
    }

    @Test("pending and overdue against today")
    func againstToday() throws {
        let profile = try Fixtures.profile(Fixtures.xingtai)
        let calendar = try Fixtures.calendar()
        let pending = try DeadlineCalculator.assess(profile: profile, event: .newAccount, eventDate: Fixtures.date("2020-06-01"),
                                                    today: Fixtures.date("2020-06-10"), calendar: calendar)
        #expect(pending.timeliness == .pending)
        #expect(pending.daysRemaining == 6)
        let overdue = try DeadlineCalculator.assess(profile: profile, event: .newAccount, eventDate: Fixtures.date("2020-06-01"),
                                                    today: Fixtures.date("2020-06-20"), calendar: calendar)
        #expect(overdue.timeliness == .overdue)
        #expect(overdue.daysLate == 4)
    }

    @Test("an explicit window overrides the profile's")
    func explicitWindow() throws {
        let window = FilingWindow(start: Fixtures.date("2024-06-01"), end: Fixtures.date("2024-06-30"), unitsHandInBy: nil,
                                  wording: "second campaign")
        let result = try DeadlineCalculator.assess(
            profile: Fixtures.profile(Fixtures.kaiping), event: .newAccount, eventDate: Fixtures.date("2024-06-10"),
            filedDate: Fixtures.date("2024-06-20"), window: window, calendar: Fixtures.calendar())
        #expect(result.dueDate?.iso == "2024-06-30")
        #expect(result.timeliness == .early)
    }

    @Test("counting into a year without calendar data: on time when filed by the earliest possible due date, else undetermined, naming the year")
    func missingYear() throws {
        let kaiping = try Fixtures.profile(Fixtures.kaiping)
        let shangluo = try Fixtures.profile(Fixtures.shangluo)
        let calendar = try Fixtures.calendar()
        // Kaiping: 30 working days from 2026-12-20 end in 2027: 9 fall in 2026 (12-21..12-31), so the
        // 30th cannot come before 2026-12-31 + 21 days = 2027-01-21.
        let unfiled = try DeadlineCalculator.assess(profile: kaiping, event: .newAccount,
                                                    eventDate: Fixtures.date("2026-12-20"),
                                                    today: Fixtures.date("2026-12-21"), calendar: calendar)
        #expect(unfiled.timeliness == .undetermined)
        #expect(unfiled.dueDate == nil)
        #expect(unfiled.missingCalendarYear == 2027)
        #expect(unfiled.earliestDueDate?.iso == "2027-01-21")
        #expect(unfiled.explanationZh.contains("2027年的国务院节假日安排尚未载入"))
        #expect(unfiled.explanationEn.contains("rest days of 2027 are not loaded"))
        let early = try DeadlineCalculator.assess(profile: kaiping, event: .newAccount,
                                                  eventDate: Fixtures.date("2026-12-20"),
                                                  filedDate: Fixtures.date("2026-12-28"), calendar: calendar)
        #expect(early.timeliness == .onTime)
        #expect(early.dueDate == nil && early.earliestDueDate?.iso == "2027-01-21")
        #expect(early.daysLate == nil)
        let later = try DeadlineCalculator.assess(profile: kaiping, event: .newAccount,
                                                  eventDate: Fixtures.date("2026-12-20"),
                                                  filedDate: Fixtures.date("2027-01-22"), calendar: calendar)
        #expect(later.timeliness == .undetermined)
        // Opened 2026-12-01: 22 working days in December, the 30th no earlier than 2027-01-08.
        let december = try DeadlineCalculator.assess(profile: kaiping, event: .newAccount,
                                                     eventDate: Fixtures.date("2026-12-01"),
                                                     filedDate: Fixtures.date("2027-01-05"), calendar: calendar)
        #expect(december.earliestDueDate?.iso == "2027-01-08")
        #expect(december.timeliness == .onTime)
        // Shangluo: one month from 2026-12-01 reaches 2027-01-01, which may be moved off a rest day.
        let month = try DeadlineCalculator.assess(profile: shangluo, event: .newAccount,
                                                  eventDate: Fixtures.date("2026-12-01"),
                                                  filedDate: Fixtures.date("2026-12-07"), calendar: calendar)
        #expect(month.timeliness == .onTime)
        #expect(month.earliestDueDate?.iso == "2027-01-01")
        #expect(month.missingCalendarYear == 2027)
        // A count that stays inside the data is unaffected.
        let inside = try DeadlineCalculator.assess(profile: shangluo, event: .change, eventDate: Fixtures.date("2026-11-01"),
                                                   filedDate: Fixtures.date("2026-11-10"), calendar: calendar)
        #expect(inside.dueDate != nil && inside.missingCalendarYear == nil && inside.earliestDueDate == nil)
    }

    @Test("once the year is added the same count gives the due date, moved off the New Year holiday")
    func yearAdded() throws {
        let shangluo = try Fixtures.profile(Fixtures.shangluo)
        // A test table for 2027 (only New Year's Day, a holiday every year): not the State Council's notice.
        let year2027 = try WorkingDayCalendar.parse(tsv: "date\tkind\tname_zh\tname_en\n2027-01-01\tholiday\t元旦\tNew Year's Day\n",
                                                    source: "test-2027.tsv")
        let calendar = try Fixtures.calendar().merged(with: year2027)
        let month = try DeadlineCalculator.assess(profile: shangluo, event: .newAccount,
                                                  eventDate: Fixtures.date("2026-12-01"),
                                                  filedDate: Fixtures.date("2027-01-04"), calendar: calendar)
        #expect(month.dueDate?.iso == "2027-01-04", "2027-01-01 is a Friday holiday: moved to Monday")
        #expect(month.timeliness == .onTime)
        #expect(month.missingCalendarYear == nil)
    }

    @Test("a period's earliest end: the count for calendar days and months, known working days then a day each")
    func earliestEnd() throws {
        let calendar = try Fixtures.calendar()
        let date = Fixtures.date("2026-12-20")
        #expect(Period(30, .workingDays).earliestEnd(after: date, calendar: calendar).iso == "2027-01-21")
        #expect(Period(5, .workingDays).earliestEnd(after: date, calendar: calendar).iso == "2026-12-25", "exact inside the data")
        #expect(Period(3, .workingDays).earliestEnd(after: Fixtures.date("2027-03-01"), calendar: calendar).iso
                == "2027-03-04", "past the data: a day each")
        #expect(Period(15, .calendarDays).earliestEnd(after: date, calendar: calendar).iso == "2027-01-04")
        #expect(Period(1, .months).earliestEnd(after: Fixtures.date("2026-01-31"), calendar: calendar).iso == "2026-02-28")
    }
}
