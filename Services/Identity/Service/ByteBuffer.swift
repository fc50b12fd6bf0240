/// A growable run of bytes in memory it owns (freed once, in `deinit`), for writing large JSON
/// answers piece by piece: an append is a capacity check and a copy, without the array's
/// uniqueness checks and generic paths.
///
/// Used by one writer at a time (it may be handed from one task to another once written; hence
/// `@unchecked Sendable`); the bytes are read in place (`withUnsafeBytes`).
final class ByteBuffer: @unchecked Sendable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes (it grows as needed).
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    @inline(never)
    private func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }

    /// Appends one byte.
    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    /// Appends `length` bytes from `source`.
    @inline(__always)
    func append(_ source: UnsafePointer<UInt8>, length: Int) {
        reserve(length)
        (start + count).initialize(from: source, count: length)
        count += length
    }

    /// Appends the bytes of a buffer.
    @inline(__always)
    func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress else { return }
        append(base, length: source.count)
    }

    /// Appends the bytes of an array.
    @inline(__always)
    func append(_ source: [UInt8]) {
        source.withUnsafeBufferPointer { append($0) }
    }

    /// Reads the bytes written in place.
    func withUnsafeBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: start, count: count))
    }
}
