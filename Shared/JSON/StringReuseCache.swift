/// Strings already built while parsing one large document, found again by their bytes: answers
/// such as VerifyBatch repeat the same short keys, codes and messages thousands of times, and a
/// hit costs one compare instead of validating, allocating and copying a new `String`.
///
/// Direct-mapped (a new string replaces whatever shared its slot), only for strings of at most
/// `maximumLength` bytes; the values are identical to freshly built ones. The owner must call
/// `release()` exactly once.
struct StringReuseCache {
    static let maximumLength = 48
    private static let slotBits = 10
    private static let slotCount = 1 << slotBits

    private let strings: UnsafeMutablePointer<String>
    private let lengths: UnsafeMutablePointer<Int>
    private let bytes: UnsafeMutablePointer<UInt8>

    init() {
        strings = .allocate(capacity: Self.slotCount)
        strings.initialize(repeating: "", count: Self.slotCount)
        lengths = .allocate(capacity: Self.slotCount)
        lengths.initialize(repeating: -1, count: Self.slotCount)
        bytes = .allocate(capacity: Self.slotCount * Self.maximumLength)
    }

    /// The slot for `text` (at most `maximumLength` bytes).
    @inline(__always) func slot(for text: UnsafeBufferPointer<UInt8>) -> Int {
        let base = UnsafeRawPointer(text.baseAddress!)
        let count = text.count
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= count {
            hash = (hash ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            offset += 8
        }
        while offset < count {
            hash = (hash ^ UInt64(base.load(fromByteOffset: offset, as: UInt8.self))) &* 0x94D0_49BB_1331_11EB
            offset += 1
        }
        return Int(truncatingIfNeeded: (hash ^ (hash >> 29)) >> (64 - Self.slotBits))
    }

    /// The string stored in `slot` if it was built from exactly `text`.
    @inline(__always) func string(in slot: Int, matching text: UnsafeBufferPointer<UInt8>) -> String? {
        let count = text.count
        guard lengths[slot] == count else { return nil }
        let stored = UnsafeRawPointer(bytes + slot * Self.maximumLength)
        let candidate = UnsafeRawPointer(text.baseAddress!)
        var offset = 0
        while offset + 8 <= count {
            if stored.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != candidate.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return nil }
            offset += 8
        }
        while offset < count {
            if stored.load(fromByteOffset: offset, as: UInt8.self) != candidate.load(fromByteOffset: offset, as: UInt8.self) {
                return nil
            }
            offset += 1
        }
        return strings[slot]
    }

    /// Remembers `string`, built from `text`, in `slot`.
    @inline(__always) func store(_ string: String, from text: UnsafeBufferPointer<UInt8>, in slot: Int) {
        strings[slot] = string
        lengths[slot] = text.count
        (bytes + slot * Self.maximumLength).update(from: text.baseAddress!, count: text.count)
    }

    func release() {
        strings.deinitialize(count: Self.slotCount)
        strings.deallocate()
        lengths.deallocate()
        bytes.deallocate()
    }
}
