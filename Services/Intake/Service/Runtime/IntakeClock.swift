import BeianModel
import Foundation
import Synchronization

/// The one clock of the intake service: "now" and "today" (the office's civil date, China
/// Standard Time). It can be pinned to another day (`BEIAN_TODAY`, tests, demos): the time of day
/// keeps running, so timestamps stay ordered, and at the real midnight it stops at the last
/// millisecond of the pinned day rather than run into the next one. "Today" stays the pinned day.
package final class IntakeClock: Sendable {
    private struct Pin {
        /// Added to the real time.
        var offsetMilliseconds: Int64 = 0
        /// The first instant after the pinned day (China midnight), when pinned.
        var dayEnd: Int64?
    }

    private let pin: Mutex<Pin>
    private let realTime: @Sendable () -> Timestamp

    /// A clock on the real date, or pinned to `today` when given. `realTime` is the real clock
    /// (tests pass their own).
    package init(today: CivilDate? = nil, realTime: @escaping @Sendable () -> Timestamp = { Timestamp(Date()) }) {
        pin = Mutex(Pin())
        self.realTime = realTime
        if let today { set(today: today) }
    }

    /// The current instant.
    package func now() -> Timestamp {
        let pin = self.pin.withLock { $0 }
        var milliseconds = realTime().millisecondsSinceEpoch + pin.offsetMilliseconds
        if let end = pin.dayEnd, milliseconds >= end { milliseconds = end - 1 }
        return Timestamp(millisecondsSinceEpoch: milliseconds)
    }

    /// Today's date in China (Asia/Shanghai, UTC+8 all year).
    package func today() -> CivilDate { now().chinaCivilDate }

    /// Pins the clock to `today`, keeping the real time of day.
    package func set(today: CivilDate) {
        let real = realTime()
        let days = Int64(real.chinaCivilDate.days(until: today))
        let dayEnd = Int64(today.daysSinceEpoch + 1) * 86_400_000 - 8 * 3_600_000
        pin.withLock { $0 = Pin(offsetMilliseconds: days * 86_400_000, dayEnd: dayEnd) }
    }
}
