/// Frames queued for one connection, in order, waiting to be encrypted.
///
/// Small frames are copied into a shared run so that many of them leave in one TLS write (and
/// one `send`); a large frame is kept as the array it was queued in, so a multi-megabyte answer
/// is never copied before encryption. `byteCount` counts both.
struct OutboundFrames {
    /// Frames from this size on are queued as they are instead of being copied into a run.
    static let largeFrameThreshold = 32 * 1024

    private(set) var chunks: [[UInt8]] = []
    /// Whether the last chunk is a run of small frames that may still grow (ours to append to).
    private var lastIsRun = false
    private(set) var byteCount = 0

    var isEmpty: Bool { byteCount == 0 }

    /// Queues one frame.
    mutating func append(_ frame: [UInt8]) {
        guard !frame.isEmpty else { return }
        byteCount += frame.count
        if frame.count >= Self.largeFrameThreshold {
            chunks.append(frame)
            lastIsRun = false
        } else if lastIsRun {
            chunks[chunks.count - 1].append(contentsOf: frame)
        } else {
            chunks.append(frame)
            lastIsRun = true
        }
    }

    /// Takes everything queued, leaving the queue empty.
    mutating func takeAll() -> [[UInt8]] {
        let taken = chunks
        chunks = []
        lastIsRun = false
        byteCount = 0
        return taken
    }
}
