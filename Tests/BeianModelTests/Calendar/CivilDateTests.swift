import BeianModel
import Testing

@Suite("Civil dates")
struct CivilDateTests {
    @Test("ISO dates parse and format", arguments: ["2024-02-29", "2019-10-01", "0001-01-01", "9999-12-31"])
    func roundTrip(text: String) throws {
        #expect(try CivilDate(iso: text).iso == text)
    }

    @Test("bad dates give clear errors", arguments: [
        ("2023-02-29", "day_range"), ("2024-13-01", "month_range"), ("2024-1-5", "date_format"),
        ("20240105", "date_format"), ("2024/01/05", "date_format"), ("", "date_format"), ("２０２４-01-05", "date_format"),
    ])
    func errors(text: String, code: String) {
        #expect(throws: CivilDateError.self) { try CivilDate(iso: text) }
        do { _ = try CivilDate(iso: text) } catch { #expect(error.code == code); #expect(error.input == text) }
    }

    @Test("arithmetic", arguments: [
        ("2021-06-10", 15, "2021-06-25"), ("2024-02-28", 1, "2024-02-29"), ("2023-12-31", 1, "2024-01-01"),
        ("2024-03-01", -1, "2024-02-29"), ("1969-12-31", 1, "1970-01-01"),
    ])
    func addDays(start: String, days: Int, expected: String) throws {
        let date = try CivilDate(iso: start)
        #expect(date.adding(days: days).iso == expected)
        #expect(date.days(until: try CivilDate(iso: expected)) == days)
    }

    @Test("months clamp to the month's end", arguments: [
        ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"), ("2021-05-31", 1, "2021-06-30"),
        ("2021-06-15", 1, "2021-07-15"), ("2023-11-30", 3, "2024-02-29"),
    ])
    func addMonths(start: String, months: Int, expected: String) throws {
        #expect(try CivilDate(iso: start).adding(months: months).iso == expected)
    }

    @Test("weekdays", arguments: [("2024-01-25", 4), ("2020-02-01", 6), ("2020-01-19", 7), ("2024-02-12", 1)])
    func weekday(text: String, iso: Int) throws {
        #expect(try CivilDate(iso: text).isoWeekday == iso)
    }

    @Test("timestamps encode as ISO 8601 UTC and parse offsets")
    func timestamps() throws {
        let t = try Timestamp(iso: "2024-01-25T16:30:00+08:00")
        #expect(t.iso == "2024-01-25T08:30:00Z")
        #expect(t.chinaCivilDate.iso == "2024-01-25")
        #expect(try Timestamp(iso: "2024-01-25T23:30:00.250Z").chinaCivilDate.iso == "2024-01-26")
        #expect(try Timestamp(iso: "2024-01-25T08:30:00.250Z").iso == "2024-01-25T08:30:00.250Z")
        #expect(throws: CivilDateError.self) { try Timestamp(iso: "2024-01-25 08:30") }
    }

    @Test("timestamp forms: fractions of any length, offsets both ways, lower-case t and z", arguments: [
        ("2024-01-25T08:30:00Z", 1_706_171_400_000), ("2024-01-25t08:30:00z", 1_706_171_400_000),
        ("2024-01-25T08:30:00.5Z", 1_706_171_400_500), ("2024-01-25T08:30:00.25Z", 1_706_171_400_250),
        ("2024-01-25T08:30:00.123456Z", 1_706_171_400_123), ("2024-01-25T16:30:00.001+08:00", 1_706_171_400_001),
        ("2024-01-25T03:00:00-05:30", 1_706_171_400_000), ("1969-12-31T23:59:59.999Z", -1),
    ] as [(String, Int64)])
    func timestampForms(text: String, milliseconds: Int64) throws {
        #expect(try Timestamp(iso: text).millisecondsSinceEpoch == milliseconds)
    }

    @Test("timestamps are written as UTC with milliseconds only when there are any", arguments: [
        (0, "1970-01-01T00:00:00Z"), (-1, "1969-12-31T23:59:59.999Z"), (1_706_171_400_001, "2024-01-25T08:30:00.001Z"),
        (1_706_171_400_250, "2024-01-25T08:30:00.250Z"), (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ] as [(Int64, String)])
    func timestampText(milliseconds: Int64, text: String) throws {
        let timestamp = Timestamp(millisecondsSinceEpoch: milliseconds)
        #expect(timestamp.iso == text)
        #expect(try Timestamp(iso: timestamp.iso) == timestamp)
    }

    @Test("malformed timestamps are refused with the input named", arguments: [
        "2024-01-25T08:30:00", "2024-01-25T08:30:00ZZ", "2024-01-25T24:00:00Z", "2024-01-25T08:60:00Z",
        "2024-01-25T08:30:60Z", "2024-01-25T08:30:00.Z", "2024-01-25T08:30:00+0800", "2024-01-25T08:30:00+08:0x",
        "2024-01-25 08:30:00Z", "２０２４-01-25T08:30:00Z", "2024-02-30T08:30:00Z", "2024-01-25T8:30:00Z", "",
    ])
    func malformedTimestamps(text: String) {
        do {
            _ = try Timestamp(iso: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.input == text || text.hasPrefix(error.input), "\(error)")
        }
    }
}
