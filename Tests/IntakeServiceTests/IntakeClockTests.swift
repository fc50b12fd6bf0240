import BeianModel
import IntakeService
import Synchronization
import Testing

@Suite("Intake clock")
struct IntakeClockTests {
    /// A real clock the test moves by hand.
    final class HandClock: Sendable {
        let milliseconds: Mutex<Int64>
        init(_ iso: String) throws { milliseconds = Mutex(try Timestamp(iso: iso).millisecondsSinceEpoch) }
        func set(_ iso: String) throws {
            let value = try Timestamp(iso: iso).millisecondsSinceEpoch
            milliseconds.withLock { $0 = value }
        }
        func now() -> Timestamp { Timestamp(millisecondsSinceEpoch: milliseconds.withLock { $0 }) }
    }

    @Test("a pinned day stays the day when the real clock passes China's midnight; time never runs backwards")
    func pinnedDayAcrossMidnight() throws {
        let real = try HandClock("2026-11-22T15:59:58Z")  // 23:59:58 in China
        let clock = IntakeClock(today: try CivilDate(iso: "2019-10-20"), realTime: { real.now() })
        let before = clock.now()
        #expect(clock.today().iso == "2019-10-20")
        #expect(before.iso == "2019-10-20T15:59:58Z")
        try real.set("2026-11-22T16:00:05Z")  // 00:00:05 the next day in China
        #expect(clock.today().iso == "2019-10-20")
        #expect(clock.now().iso == "2019-10-20T15:59:59.999Z")
        #expect(clock.now() >= before)
    }

    @Test("a pinned day keeps the real time of day; an unpinned clock is the real one")
    func timeOfDay() throws {
        let real = try HandClock("2026-11-22T02:30:00Z")  // 10:30 in China
        let pinned = IntakeClock(today: try CivilDate(iso: "2024-02-09"), realTime: { real.now() })
        #expect(pinned.now().iso == "2024-02-09T02:30:00Z")
        let unpinned = IntakeClock(realTime: { real.now() })
        #expect(unpinned.now().iso == "2026-11-22T02:30:00Z")
        #expect(unpinned.today().iso == "2026-11-22")
    }
}
