/// Splits a byte stream into frames: a 4-byte unsigned big-endian length N, then N bytes.
///
/// Pure and allocation-conscious: bytes are appended as they arrive (in any split: one byte at a
/// time or many frames at once) and complete frames are taken out one by one. A declared length
/// above `maximumFrameLength` is refused as soon as the 4 header bytes are in, before any buffer
/// for the payload is allocated, so a peer cannot make us reserve memory by lying about a length.
///
/// This file depends on the standard library only: the fuzz target compiles it on its own.
package struct FrameDecoder {
    /// Why the stream cannot be framed any further. The connection must be closed afterwards.
    package enum Failure: Error, Equatable, Sendable {
        /// The peer declared a frame of `declared` bytes; the limit is `limit`.
        case frameTooLarge(declared: UInt32, limit: Int)
    }

    package let maximumFrameLength: Int
    private var buffer: [UInt8] = []
    private var readIndex = 0

    package init(maximumFrameLength: Int) {
        precondition(maximumFrameLength > 0 && maximumFrameLength <= Int(UInt32.max))
        self.maximumFrameLength = maximumFrameLength
    }

    /// Bytes received but not yet returned as part of a frame.
    package var bufferedByteCount: Int { buffer.count - readIndex }

    /// Appends received bytes.
    package mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compactIfWorthwhile()
        buffer.append(contentsOf: bytes)
    }

    package mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next complete frame's payload, or nil until more bytes arrive.
    package mutating func nextFrame() throws(Failure) -> [UInt8]? {
        let available = buffer.count - readIndex
        guard available >= 4 else { return nil }
        let length = UInt32(buffer[readIndex]) << 24 | UInt32(buffer[readIndex + 1]) << 16
            | UInt32(buffer[readIndex + 2]) << 8 | UInt32(buffer[readIndex + 3])
        guard Int(length) <= maximumFrameLength else {
            throw .frameTooLarge(declared: length, limit: maximumFrameLength)
        }
        guard available - 4 >= Int(length) else { return nil }
        let start = readIndex + 4
        let frame = Array(buffer[start..<(start + Int(length))])
        readIndex = start + Int(length)
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
            readIndex = 0
        }
        return frame
    }

    /// Drops consumed bytes once they dominate the buffer, keeping appends amortized O(1).
    private mutating func compactIfWorthwhile() {
        if readIndex > 0 && readIndex >= buffer.count / 2 {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }
}

/// Writes frames: the 4-byte big-endian length, then the payload.
package enum FrameEncoder {
    /// Appends one frame carrying `payload` to `output`.
    package static func append<C: Collection>(payload: C, to output: inout [UInt8]) where C.Element == UInt8 {
        let length = UInt32(payload.count)
        output.append(UInt8(truncatingIfNeeded: length >> 24))
        output.append(UInt8(truncatingIfNeeded: length >> 16))
        output.append(UInt8(truncatingIfNeeded: length >> 8))
        output.append(UInt8(truncatingIfNeeded: length))
        output.append(contentsOf: payload)
    }

    /// A new buffer holding one frame.
    package static func frame<C: Collection>(_ payload: C) -> [UInt8] where C.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(payload.count + 4)
        append(payload: payload, to: &output)
        return output
    }
}
