import FoundationEssentials
import COpenSSL

/// HMAC-SHA-256 through libcrypto, used for keyed exact-match look-up of encrypted values.
package enum HMACSHA256 {
    /// The 32-byte HMAC-SHA-256 of `message` under `key`.
    package static func authenticate<Key: ContiguousBytes, Message: ContiguousBytes>(
        _ message: Message, key: Key
    ) -> [UInt8] {
        var mac = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                HMAC(
                    EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                    messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBytes.count,
                    &mac, &length)
            }
        }
        precondition(result != nil && length == 32, "HMAC(SHA-256) failed: \(OpenSSLError.drain("HMAC"))")
        return mac
    }
}
