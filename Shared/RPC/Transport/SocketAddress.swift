import Dispatch
import Glibc

/// An IPv4 or IPv6 address and port.
package struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    package var host: String
    package var port: Int
    fileprivate var storage: StorageBox

    /// Wraps `sockaddr_storage` so the struct can be Sendable/Hashable by its printed form.
    fileprivate struct StorageBox: @unchecked Sendable, Hashable {
        var value: sockaddr_storage
        static func == (lhs: StorageBox, rhs: StorageBox) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }

    init(storage: sockaddr_storage) {
        self.storage = StorageBox(value: storage)
        var storage = storage
        var hostBuffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        var portBuffer = [CChar](repeating: 0, count: Int(NI_MAXSERV))
        let length = storage.ss_family == sa_family_t(AF_INET6)
            ? socklen_t(MemoryLayout<sockaddr_in6>.size) : socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo($0, length, &hostBuffer, socklen_t(hostBuffer.count), &portBuffer, socklen_t(portBuffer.count),
                            NI_NUMERICHOST | NI_NUMERICSERV)
            }
        }
        if result == 0 {
            host = String(decoding: hostBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            port = Int(String(decoding: portBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)) ?? 0
        } else {
            host = "unknown"
            port = 0
        }
    }

    package var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    var family: Int32 { Int32(storage.value.ss_family) }

    var length: socklen_t {
        family == AF_INET6 ? socklen_t(MemoryLayout<sockaddr_in6>.size) : socklen_t(MemoryLayout<sockaddr_in>.size)
    }

    func withSockAddr<R, E: Error>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws(E) -> R) throws(E) -> R {
        var value = storage.value
        let length = self.length
        return try withUnsafePointer(to: &value) { (pointer) throws(E) -> R in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { (address) throws(E) -> R in
                try body(address, length)
            }
        }
    }

    /// Resolves `host` (a name or a numeric address) and `port` with getaddrinfo.
    ///
    /// getaddrinfo may block on DNS, so this is synchronous and must be called off the event loops
    /// and off the cooperative pool (`resolve(host:port:)` does that).
    static func resolveBlocking(host: String, port: Int) throws(IOError) -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &result)
        guard status == 0, let first = result else {
            throw IOError("getaddrinfo(\(host))", errno: status == EAI_SYSTEM ? errno : ENOENT)
        }
        defer { freeaddrinfo(first) }
        var addresses: [SocketAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { raw in
                    raw.copyMemory(from: UnsafeRawBufferPointer(start: address, count: Int(entry.pointee.ai_addrlen)))
                }
                addresses.append(SocketAddress(storage: storage))
            }
            cursor = entry.pointee.ai_next
        }
        // Prefer IPv4 first: loopback services in this product listen on 127.0.0.1.
        return addresses.sorted { $0.family == AF_INET && $1.family != AF_INET }
    }

    /// Resolves on a Dispatch worker thread, never blocking the caller's thread.
    package static func resolve(host: String, port: Int) async throws(IOError) -> [SocketAddress] {
        let result: Result<[SocketAddress], IOError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do throws(IOError) {
                    continuation.resume(returning: .success(try resolveBlocking(host: host, port: port)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }
}
