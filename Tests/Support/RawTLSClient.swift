import BeianJSON
import BeianRPC
import BeianTLS
import Foundation

/// A deliberately simple TLS client for protocol tests: it sends arbitrary bytes (broken frames,
/// huge lengths, invalid JSON) and reads whatever the server answers, frame by frame.
///
/// It uses a blocking socket with poll timeouts, so every operation runs on a Dispatch worker
/// thread (never on the cooperative pool) behind an async API.
package final class RawTLSClient: @unchecked Sendable {
    private let descriptor: Int32
    private let tls: TLSConnection
    private var decoder = FrameDecoder(maximumFrameLength: 64 << 20)
    private var plaintext: [UInt8] = []
    private let queue = DispatchQueue(label: "raw-tls-client")
    package private(set) var peerClosed = false

    /// Connects and completes the TLS handshake (throws if the server refuses it).
    package init(port: Int, tls configuration: TLSConfiguration) async throws {
        let context = try TLSContext(configuration)
        tls = try context.makeConnection()
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw IOError("connect", errno: errno) }
        try await onQueue { try self.handshake() }
    }

    /// Connects without TLS at all (for "says nothing" tests).
    package static func plainSocket(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw IOError("connect", errno: errno) }
        return descriptor
    }

    deinit { close(descriptor) }

    private func onQueue<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }

    private func handshake() throws {
        while !(try tls.handshake()) {
            try flushCiphertext()
            guard try receive(timeout: 5) else { throw IOError("handshake (server closed)", errno: ECONNRESET) }
        }
        try flushCiphertext()
    }

    private func flushCiphertext() throws {
        var out: [UInt8] = []
        tls.takeCiphertext(into: &out)
        var offset = 0
        while offset < out.count {
            let n = out.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, out.count - offset, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw IOError("send", errno: errno) }
            offset += n
        }
    }

    /// Reads once from the socket into TLS; false on end of stream or timeout.
    private func receive(timeout seconds: Double) throws -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, Int32(seconds * 1000))
        guard ready > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard n > 0 else {
            peerClosed = true
            return false
        }
        buffer.withUnsafeBytes { tls.receiveCiphertext(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        return true
    }

    /// Sends raw plaintext bytes (anything: frames, partial frames, garbage) through TLS.
    package func sendRaw(_ bytes: [UInt8]) async throws {
        try await onQueue {
            try bytes.withUnsafeBytes { raw in try self.tls.writePlaintext(raw) }
            try self.flushCiphertext()
        }
    }

    /// Sends one frame holding `json` (text, sent as is).
    package func sendFrame(_ json: String) async throws {
        try await sendRaw(FrameEncoder.frame(Array(json.utf8)))
    }

    /// The next frame from the server as parsed JSON, or nil if the server closed the connection
    /// or nothing came within `timeout` seconds.
    package func nextFrame(timeout: Double = 5) async throws -> JSONValue? {
        try await onQueue {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                if let frame = try self.decoder.nextFrame() { return try JSONParser.parse(frame) }
                var chunk: [UInt8] = []
                if case .bytes = try? self.tls.readPlaintext(into: &chunk) {
                    self.decoder.append(chunk)
                    continue
                }
                let remaining = deadline.timeIntervalSinceNow
                guard remaining > 0, !self.peerClosed, try self.receive(timeout: remaining) else { return nil }
                try? self.flushCiphertext()
            }
        }
    }

    /// Reads frames until one for call `id` carries a status; returns all frames of that call.
    package func frames(ofCall id: Int64, timeout: Double = 10) async throws -> [JSONValue] {
        var collected: [JSONValue] = []
        while let frame = try await nextFrame(timeout: timeout) {
            guard frame["call"]?.int64Value == id else { continue }
            collected.append(frame)
            if frame["status"] != nil { return collected }
        }
        return collected
    }

    /// Every frame until the server closes the connection (or `timeout` seconds pass), and
    /// whether it did close.
    package func framesUntilClose(timeout: Double = 5) async throws -> (frames: [JSONValue], closed: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var frames: [JSONValue] = []
        while deadline.timeIntervalSinceNow > 0 {
            guard let frame = try await nextFrame(timeout: deadline.timeIntervalSinceNow) else { break }
            frames.append(frame)
        }
        return (frames, peerClosed)
    }
}
