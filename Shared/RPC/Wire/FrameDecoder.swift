/// Splits a byte stream into frames: a 4-byte unsigned big-endian length N, then N bytes.
///
/// Pure and allocation-conscious: bytes are appended as they arrive (in any split: one byte at a
/// time or many frames at once) and complete frames are taken out one by one. A declared length
/// above `maximumFrameLength` is refused as soon as the 4 header bytes are in, before any buffer
/// for the payload is allocated, so a peer cannot make us reserve memory by lying about a length.
///
/// A large frame (from `directFrameThreshold` bytes, 64 KiB by default) that is still incomplete gets its own array,
/// reserved once from the length prefix: its remaining bytes are appended there directly and the
/// array is returned as the payload, so a multi-megabyte frame is neither regrown step by step
/// nor copied out of the stream buffer.
///
/// This file depends on the standard library only: the fuzz target compiles it on its own.
package struct FrameDecoder {
    /// Why the stream cannot be framed any further. The connection must be closed afterwards.
    package enum Failure: Error, Equatable, Sendable {
        /// The peer declared a frame of `declared` bytes; the limit is `limit`.
        case frameTooLarge(declared: UInt32, limit: Int)
    }

    package let maximumFrameLength: Int
    /// Incomplete frames from this length on are assembled in their own array.
    package let directFrameThreshold: Int
    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// The payload bytes so far of the large frame being assembled (empty when none is).
    private var direct: [UInt8] = []
    /// The length of that frame; 0 when none is being assembled. While it is, `buffer` is empty.
    private var directLength = 0

    package init(maximumFrameLength: Int, directFrameThreshold: Int = 64 * 1024) {
        precondition(maximumFrameLength > 0 && maximumFrameLength <= Int(UInt32.max))
        precondition(directFrameThreshold > 0)
        self.maximumFrameLength = maximumFrameLength
        self.directFrameThreshold = directFrameThreshold
    }

    /// Bytes received but not yet returned as part of a frame.
    package var bufferedByteCount: Int { buffer.count - readIndex + (directLength > 0 ? 4 + direct.count : 0) }

    /// Appends received bytes.
    package mutating func append(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes
        if directLength > 0 {
            let taken = min(rest.count, directLength - direct.count)
            direct.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[..<taken]))
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
            if rest.isEmpty { return }
        }
        compactIfWorthwhile()
        buffer.append(contentsOf: rest)
    }

    /// Lets `produce` append received bytes straight to the decoder's storage (e.g. TLS
    /// decrypting into it), saving a copy through an intermediate buffer. `produce` must only
    /// append.
    package mutating func appendInPlace<Result, ProduceError: Error>(
        _ produce: (inout [UInt8]) throws(ProduceError) -> Result
    ) throws(ProduceError) -> Result {
        guard directLength > 0 else {
            compactIfWorthwhile()
            return try produce(&buffer)
        }
        let result = try produce(&direct)
        if direct.count > directLength {
            // Bytes past the frame's end start the next frames (`buffer` is empty meanwhile).
            buffer.append(contentsOf: direct[directLength...])
            direct.removeSubrange(directLength...)
        }
        return result
    }

    package mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next complete frame's payload, or nil until more bytes arrive.
    package mutating func nextFrame() throws(Failure) -> [UInt8]? {
        if directLength > 0 {
            guard direct.count == directLength else { return nil }
            let frame = direct
            direct = []
            directLength = 0
            return frame
        }
        let available = buffer.count - readIndex
        guard available >= 4 else { return nil }
        let length = UInt32(buffer[readIndex]) << 24 | UInt32(buffer[readIndex + 1]) << 16
            | UInt32(buffer[readIndex + 2]) << 8 | UInt32(buffer[readIndex + 3])
        guard Int(length) <= maximumFrameLength else {
            throw .frameTooLarge(declared: length, limit: maximumFrameLength)
        }
        guard available - 4 >= Int(length) else {
            if Int(length) >= directFrameThreshold { startDirectFrame(length: Int(length)) }
            return nil
        }
        let start = readIndex + 4
        let frame = Array(buffer[start..<(start + Int(length))])
        readIndex = start + Int(length)
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
            readIndex = 0
        }
        return frame
    }

    /// Moves the incomplete frame at `readIndex` (the last thing in `buffer`) into its own array
    /// of `length` bytes; later bytes go there until it is complete.
    private mutating func startDirectFrame(length: Int) {
        let start = readIndex + 4
        direct = []
        // Room for the frame plus what one more read may bring past its end (the next frames),
        // so the frame's array is never regrown for them.
        direct.reserveCapacity(length + 96 * 1024)
        direct.append(contentsOf: buffer[start...])
        directLength = length
        buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
        readIndex = 0
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
