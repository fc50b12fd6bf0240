import Dispatch
import Synchronization

/// The second half of a large document's big array, parsed ahead on another core.
///
/// For a document of `threshold` bytes (256 KiB) or more, the parser guesses an element boundary
/// near the middle (`},{`, preferably followed by the same first key as the document's first array of
/// objects) and a helper thread parses from there, element after element, up to the `]` that
/// closes their array. When the main parse starts an element of an array at exactly that offset,
/// the helper's elements are that array's remaining elements (the same bytes under the same
/// rules), and the main parse jumps past the `]`. A guess that falls inside a string, or a helper
/// that meets an error, is never used: the main parse carries on alone and fails, if it does,
/// exactly as it would have. The parse waits for the helper before it returns (the helper reads
/// the caller's buffer).
final class ArrayTail: @unchecked Sendable {
    /// Documents from this size on are parsed in two halves (below it, starting a helper is not
    /// worth its hand-over; a 256 KiB document takes about 1.5 ms to parse).
    static let threshold = 256 << 10
    /// How far past the middle a boundary is looked for.
    static let searchWindow = 256 << 10
    /// Helpers whose elements a parse took (for tests: the path is really taken).
    static let adoptions = Atomic<Int>(0)

    /// Offset of the first element the helper parses.
    let start: Int
    // Written by the helper before `done` is signalled, read by the parse after waiting.
    private var parsed: [JSONValue] = []
    /// Offset just past the `]` that closed the helper's array.
    private(set) var end = 0
    private var deepest = 0
    private var succeeded = false
    private let done = DispatchSemaphore(value: 0)
    private var waited = false  // the parsing thread's own

    private init(start: Int) {
        self.start = start
    }

    /// Starts a helper for `buffer` if a boundary is found.
    static func start(in buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int) -> ArrayTail? {
        guard let start = boundary(in: buffer) else { return nil }
        let tail = ArrayTail(start: start)
        let document = Document(buffer: buffer)
        DispatchQueue.global().async { tail.run(document.buffer, maximumDepth: maximumDepth) }
        return tail
    }

    /// Waits until the helper is done (once; later calls return at once).
    func waitUntilDone() {
        guard !waited else { return }
        done.wait()
        waited = true
    }

    /// The helper's elements, if it reached its array's end and nests at most `depthLeft` levels
    /// below them.
    func elements(ifWithinDepth depthLeft: Int) -> [JSONValue]? {
        waitUntilDone()
        guard succeeded, deepest <= depthLeft else { return nil }
        Self.adoptions.add(1, ordering: .relaxed)
        return parsed
    }

    /// The helper thread: elements from `start` until the closing bracket of their array.
    private func run(_ buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        var cursor = JSONCursor(buffer: buffer, maximumDepth: maximumDepth)
        defer {
            cursor.releaseScratch()
            done.signal()
        }
        cursor.index = start
        var elements: [JSONValue] = []
        do {
            while true {
                cursor.skipWhitespace()
                elements.append(try cursor.parseValue(depth: 0))
                cursor.skipWhitespace()
                guard cursor.index < buffer.count else { return }
                if buffer[cursor.index] == UInt8(ascii: ",") {
                    cursor.index += 1
                } else if buffer[cursor.index] == UInt8(ascii: "]") {
                    end = cursor.index + 1
                    deepest = cursor.deepest
                    parsed = elements
                    succeeded = true
                    return
                } else {
                    return
                }
            }
        } catch {
            return
        }
    }

    /// The offset of an element's `{` just after the middle: after `},` and, where possible,
    /// starting like the first element of the document's first array of objects does.
    static func boundary(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        let middle = buffer.count / 2
        let limit = min(buffer.count - 3, middle + searchWindow)
        guard middle < limit else { return nil }
        let lead = firstElementLead(in: buffer)
        var fallback: Int?
        var position = middle
        while position < limit {
            if buffer[position] == UInt8(ascii: "}") && buffer[position + 1] == UInt8(ascii: ",")
                && buffer[position + 2] == UInt8(ascii: "{") {
                let candidate = position + 2
                if lead.isEmpty || starts(buffer, at: candidate, with: lead) { return candidate }
                if fallback == nil { fallback = candidate }
            }
            position += 1
        }
        return fallback
    }

    /// `{"key":` of the first element of the first array of objects (`[{`) within the first
    /// 4 KiB; empty if there is none.
    private static func firstElementLead(in buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let scan = min(buffer.count - 2, 4096)
        var position = 0
        while position < scan {
            if buffer[position] == UInt8(ascii: "[") && buffer[position + 1] == UInt8(ascii: "{")
                && buffer[position + 2] == UInt8(ascii: "\"") {
                var lead: [UInt8] = []
                var cursor = position + 1
                while cursor < buffer.count && lead.count < 32 {
                    lead.append(buffer[cursor])
                    if buffer[cursor] == UInt8(ascii: ":") { return lead }
                    cursor += 1
                }
                return []
            }
            position += 1
        }
        return []
    }

    private static func starts(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, with prefix: [UInt8]) -> Bool {
        guard offset + prefix.count <= buffer.count else { return false }
        for (index, byte) in prefix.enumerated() where buffer[offset + index] != byte { return false }
        return true
    }

    /// The caller's buffer, handed to the helper thread (the parse outlives the helper).
    private struct Document: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }
}
