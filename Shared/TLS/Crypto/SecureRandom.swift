import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's CSPRNG.
package enum SecureRandom {
    package static func bytes(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return bytes }
        let ok = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        precondition(ok == 1, "RAND_bytes failed: \(OpenSSLError.drain("RAND_bytes"))")
        return bytes
    }

    /// A random token of `byteCount` bytes as lowercase hexadecimal (e.g. an access code).
    package static func hexToken(byteCount: Int = 16) -> String {
        Hex.encode(bytes(count: byteCount))
    }
}
