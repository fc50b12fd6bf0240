/// A growable stack of values the parser moves in and out without copying: finished containers
/// take their entries by moving them into a new exactly-sized array (no retain/release per entry,
/// no generic value-witness calls). The owner must call `release()` exactly once.
struct ScratchStack<Element> {
    private(set) var start: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
    }

    @inline(__always) mutating func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (start + count).initialize(to: element)
        count += 1
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let newStart = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newStart.moveInitialize(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }

    /// Moves the entries from `base` to the top into a new array and pops them.
    @inline(__always) mutating func popArray(from base: Int) -> [Element] {
        let n = count - base
        if n == 0 { return [] }
        let source = start + base
        count = base
        // Array literals allocate through specialized code with cached type metadata; the
        // general initializer runs unspecialized in the standard library and looks the
        // `_ContiguousArrayStorage<Element>` metadata up in a hash table on every call. Most
        // objects and arrays of our messages have at most 8 entries.
        switch n {
        case 1: return [source.move()]
        case 2: return [source.move(), (source + 1).move()]
        case 3: return [source.move(), (source + 1).move(), (source + 2).move()]
        case 4: return [source.move(), (source + 1).move(), (source + 2).move(), (source + 3).move()]
        case 5:
            return [
                source.move(), (source + 1).move(), (source + 2).move(), (source + 3).move(),
                (source + 4).move()
            ]
        case 6:
            return [
                source.move(), (source + 1).move(), (source + 2).move(), (source + 3).move(),
                (source + 4).move(), (source + 5).move()
            ]
        case 7:
            return [
                source.move(), (source + 1).move(), (source + 2).move(), (source + 3).move(),
                (source + 4).move(), (source + 5).move(), (source + 6).move()
            ]
        case 8:
            return [
                source.move(), (source + 1).move(), (source + 2).move(), (source + 3).move(),
                (source + 4).move(), (source + 5).move(), (source + 6).move(), (source + 7).move()
            ]
        default: break
        }
        let array = [Element](unsafeUninitializedCapacity: n) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: source, count: n)
            initialized = n
        }
        return array
    }

    /// Drops (deinitializes) the entries above `base`; nothing when `popArray` already took them.
    @inline(__always) mutating func truncate(to base: Int) {
        guard count > base else { return }
        (start + base).deinitialize(count: count - base)
        count = base
    }

    /// Deinitializes what is left and frees the storage.
    mutating func release() {
        truncate(to: 0)
        start.deallocate()
        capacity = 0
    }
}
