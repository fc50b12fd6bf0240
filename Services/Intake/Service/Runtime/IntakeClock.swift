import BeianModel
import Foundation
import Synchronization

/// The one clock of the intake service: "now" and "today" (the office's civil date, China
/// Standard Time). It can be moved to another day (`BEIAN_TODAY`, tests, demos); the time of day
/// keeps running, so timestamps stay ordered within a day.
package final class IntakeClock: Sendable {
    private let offsetMilliseconds: Mutex<Int64>

    /// A clock on the real date, or on `today` when given.
    package init(today: CivilDate? = nil) {
        offsetMilliseconds = Mutex(0)
        if let today { set(today: today) }
    }

    /// The current instant.
    package func now() -> Timestamp {
        let offset = offsetMilliseconds.withLock { $0 }
        return Timestamp(millisecondsSinceEpoch: Timestamp(Date()).millisecondsSinceEpoch + offset)
    }

    /// Today's date in China (Asia/Shanghai, UTC+8 all year).
    package func today() -> CivilDate { now().chinaCivilDate }

    /// Moves the clock to `today`, keeping the real time of day.
    package func set(today: CivilDate) {
        let real = Timestamp(Date())
        let days = Int64(real.chinaCivilDate.days(until: today))
        offsetMilliseconds.withLock { $0 = days * 86_400_000 }
    }
}
