import BeianModel
import Testing

@Suite("Working-day calendar (State Council notices 2019-2026)")
struct WorkingDayCalendarTests {
    @Test("make-up working days are working days", arguments: [
        "2019-09-29", "2019-10-12", "2020-01-19", "2024-02-04", "2024-02-18", "2025-01-26", "2026-01-04",
    ])
    func makeupDays(text: String) throws {
        let calendar = try Fixtures.calendar()
        let date = Fixtures.date(text)
        #expect(date.isWeekend)
        #expect(try calendar.isWorkingDay(date))
        guard case .makeupWorkday = try calendar.kind(of: date) else { Issue.record("\(text) not make-up"); return }
    }

    @Test("holidays are rest days", arguments: [
        "2019-10-01", "2019-10-02", "2019-10-03", "2019-10-04", "2019-10-07", "2024-02-12", "2024-02-16",
        "2020-01-31", "2021-06-14", "2025-10-08",
    ])
    func holidays(text: String) throws {
        #expect(try !Fixtures.calendar().isWorkingDay(Fixtures.date(text)))
    }

    @Test("the whole 2019 National Day week is off (weekend 10-05/06 included)")
    func nationalDay2019() throws {
        let calendar = try Fixtures.calendar()
        for day in 1...7 {
            #expect(try !calendar.isWorkingDay(CivilDate(year: 2019, month: 10, day: day)))
        }
        #expect(try calendar.isWorkingDay(Fixtures.date("2019-10-08")))
    }

    @Test("2020-02-01 stayed a rest day: the extended 2020 Spring Festival cancelled its make-up day")
    func springFestival2020() throws {
        // The December 2019 notice made Saturday 2020-02-01 a make-up day; the State Council
        // extended the holiday to 02-02 on 2020-01-27, so the data lists no make-up day then.
        #expect(try !Fixtures.calendar().isWorkingDay(Fixtures.date("2020-02-01")))
        #expect(try Fixtures.calendar().isWorkingDay(Fixtures.date("2020-02-03")))
    }

    @Test("ordinary days follow Monday-Friday", arguments: [("2024-03-12", true), ("2024-03-09", false), ("2023-06-21", true)])
    func ordinary(text: String, working: Bool) throws {
        #expect(try Fixtures.calendar().isWorkingDay(Fixtures.date(text)) == working)
    }

    @Test("a year outside the data is an error naming the year", arguments: ["2018-12-31", "2027-01-04", "2030-06-01"])
    func missingYear(text: String) throws {
        let calendar = try Fixtures.calendar()
        let date = Fixtures.date(text)
        do {
            _ = try calendar.isWorkingDay(date)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.code == "year_not_covered")
            #expect(error.year == date.year)
            #expect(error.message.contains(String(date.year)))
        }
    }

    @Test("counting across a year boundary into a missing year fails")
    func countingIntoMissingYear() throws {
        #expect(throws: CalendarError.self) {
            try Fixtures.calendar().adding(workingDays: 10, after: Fixtures.date("2026-12-28"))
        }
    }

    @Test("working days count from the next working day")
    func counting() throws {
        let calendar = try Fixtures.calendar()
        #expect(try calendar.adding(workingDays: 1, after: Fixtures.date("2024-02-09")).iso == "2024-02-18")
        #expect(try calendar.adding(workingDays: 30, after: Fixtures.date("2024-01-25")).iso == "2024-03-12")
        #expect(try calendar.workingDays(after: Fixtures.date("2024-01-25"), through: Fixtures.date("2024-03-12")) == 30)
    }

    @Test("bad tables are refused with the line", arguments: [
        ("2024-02-12\tholiday\tA\tA\n2024-02-12\tholiday\tB\tB\n", "duplicate_date"),
        ("2024-02-10\tholiday\t春节\tSF\n", "holiday_on_weekend"),
        ("2024-02-12\tmakeup_workday\tx\tx\n", "makeup_on_weekday"),
        ("2024-02-12\tfestival\tx\tx\n", "tsv_format"),
        ("2024-02-30\tholiday\tx\tx\n", "tsv_format"),
        ("# only a comment\n", "no_data"),
    ])
    func badTables(text: String, code: String) {
        do {
            _ = try WorkingDayCalendar.parse(tsv: text, source: "test.tsv")
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
        }
    }
}
