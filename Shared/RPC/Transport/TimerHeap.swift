/// Timers of one event loop: a binary min-heap of deadlines with cancellation by id.
///
/// Cancelled timers stay in the heap until they reach the top and are skipped (lazy deletion),
/// so cancel is O(1) and firing is O(log n). Not thread-safe: owned by its loop thread.
struct TimerHeap {
    struct ID: Hashable, Sendable {
        fileprivate let value: UInt64
    }

    private struct Entry {
        var deadline: UInt64
        var id: UInt64
    }

    private var heap: [Entry] = []
    private var actions: [UInt64: () -> Void] = [:]
    private var nextID: UInt64 = 1

    var isEmpty: Bool { actions.isEmpty }
    /// Entries held, cancelled ones included (for tests: cancelled entries must not pile up).
    var storedEntries: Int { heap.count }

    mutating func schedule(at deadline: UInt64, _ action: @escaping () -> Void) -> ID {
        let id = nextID
        nextID += 1
        actions[id] = action
        heap.append(Entry(deadline: deadline, id: id))
        siftUp(heap.count - 1)
        return ID(value: id)
    }

    mutating func cancel(_ id: ID) {
        guard actions.removeValue(forKey: id.value) != nil else { return }
        if actions.isEmpty {
            heap.removeAll(keepingCapacity: true)
        } else if heap.count > 64 && heap.count > 4 * actions.count {
            // Cancelled entries stay in the heap until they surface; when they dominate (per-call
            // deadlines cancelled by their calls' ends), rebuild from the live ones.
            heap = heap.filter { actions[$0.id] != nil }
            for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        }
    }

    /// The earliest live deadline, dropping cancelled entries from the top.
    mutating func nextDeadline() -> UInt64? {
        while let top = heap.first {
            if actions[top.id] != nil { return top.deadline }
            popTop()
        }
        return nil
    }

    /// Removes and returns the actions of every timer due at or before `now`, earliest first.
    mutating func popExpired(now: UInt64) -> [() -> Void] {
        var due: [() -> Void] = []
        while let top = heap.first, top.deadline <= now {
            popTop()
            if let action = actions.removeValue(forKey: top.id) { due.append(action) }
        }
        return due
    }

    private mutating func popTop() {
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].deadline < heap[parent].deadline else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].deadline < heap[smallest].deadline { smallest = left }
            if right < heap.count && heap[right].deadline < heap[smallest].deadline { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
