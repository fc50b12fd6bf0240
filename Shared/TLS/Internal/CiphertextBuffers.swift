import COpenSSL

/// The two ciphertext queues between one `SSL` and its socket: bytes received from the peer waiting
/// for OpenSSL to read them, and bytes OpenSSL wrote waiting for the socket.
///
/// OpenSSL reaches them through a custom BIO (``CiphertextBIO``) whose data pointer is an unretained
/// reference to this object; the owning ``TLSConnection`` keeps this object alive longer than its
/// `SSL` (and so the BIO). Buffers shrink back to at most ``retainedCapacity`` bytes whenever they
/// drain, so an idle connection holds little memory while small messages cause no allocations.
final class CiphertextBuffers {
    /// Capacity kept when a buffer drains; larger buffers are released.
    static let retainedCapacity = 4 * 1024

    private var inbound: [UInt8] = []
    private var inboundStart = 0
    private(set) var outbound: [UInt8] = []

    /// Received bytes not yet read by OpenSSL.
    var inboundCount: Int { inbound.count - inboundStart }

    /// Queues bytes received from the peer.
    func receive(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if inboundStart > 0 && inboundStart >= inbound.count / 2 {
            inbound.removeSubrange(0..<inboundStart)
            inboundStart = 0
        }
        inbound.append(contentsOf: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: bytes.count))
    }

    /// BIO read: moves up to `count` received bytes to `destination`; returns how many (0 if none).
    func read(into destination: UnsafeMutableRawPointer, count: Int) -> Int {
        let length = min(count, inboundCount)
        guard length > 0 else { return 0 }
        let start = inboundStart
        inbound.withUnsafeBytes { source in
            destination.copyMemory(from: source.baseAddress! + start, byteCount: length)
        }
        inboundStart += length
        if inboundStart == inbound.count {
            Self.drain(&inbound)
            inboundStart = 0
        }
        return length
    }

    /// BIO write: queues bytes for the socket. Never refuses.
    func write(from source: UnsafeRawPointer, count: Int) {
        outbound.append(contentsOf: UnsafeBufferPointer(start: source.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// Makes room for `count` more outbound bytes at once (before a large write, instead of
    /// growing step by step record after record).
    func reserveOutbound(_ count: Int) {
        outbound.reserveCapacity(outbound.count + count)
    }

    /// Appends all queued outbound bytes to `buffer` and empties the queue. An empty `buffer`
    /// takes the queue's storage as it is (no copy).
    func takeOutbound(into buffer: inout [UInt8]) {
        guard !outbound.isEmpty else { return }
        if buffer.isEmpty {
            swap(&buffer, &outbound)
            outbound.removeAll(keepingCapacity: true)
        } else {
            buffer.append(contentsOf: outbound)
        }
        Self.drain(&outbound)
    }

    private static func drain(_ buffer: inout [UInt8]) {
        if buffer.capacity <= retainedCapacity {
            buffer.removeAll(keepingCapacity: true)
        } else {
            buffer = []
        }
    }
}
