@testable import BeianRPC
import Testing

/// The event loop's timers: per-call deadlines and idle timers are cancelled far more often
/// than they fire, and must not pile up in the heap.
@Suite("Timer heap")
struct TimerHeapTests {
    @Test("timers cancelled by the thousand (per-call deadlines) do not accumulate behind a long-lived one")
    func cancelledTimersAreDropped() {
        var heap = TimerHeap()
        _ = heap.schedule(at: 1_000_000) {}
        for deadline in 0..<10_000 {
            let id = heap.schedule(at: UInt64(2_000_000 + deadline)) {}
            heap.cancel(id)
        }
        #expect(heap.storedEntries < 100)
        #expect(heap.nextDeadline() == 1_000_000)
    }

    @Test("after cancellations and compaction, live timers still expire in deadline order")
    func orderSurvivesCompaction() {
        var heap = TimerHeap()
        var generator = SystemRandomNumberGenerator()
        let fired = Box()
        var live: [UInt64] = []
        for index in 0..<2_000 {
            let deadline = UInt64.random(in: 1...1_000_000, using: &generator)
            let id = heap.schedule(at: deadline) { fired.values.append(deadline) }
            if index % 7 == 0 { live.append(deadline) } else { heap.cancel(id) }
        }
        #expect(heap.storedEntries < 2_000)
        for action in heap.popExpired(now: 1_000_000) { action() }
        #expect(fired.values == live.sorted())
        #expect(heap.isEmpty)
    }

    private final class Box {
        var values: [UInt64] = []
    }
}
