import COpenSSL

/// An HMAC-SHA-256 key set up once, for many messages (the same MACs as
/// `HMACSHA256.authenticate`): each use re-arms a keyed `EVP_MAC_CTX` instead of fetching the
/// algorithm and hashing the key's pads again. Safe to use from many threads at once.
package final class HMACSHA256Key: Sendable {
    private let contexts: CipherContextPool

    package init(_ key: [UInt8]) {
        contexts = CipherContextPool(make: { try Self.context(key: key) }, free: { EVP_MAC_CTX_free($0) })
    }

    /// A MAC context for HMAC-SHA-256 under `key`.
    private static func context(key: [UInt8]) throws -> OpaquePointer {
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else {
            throw OpenSSLError.drain("EVP_MAC_fetch(HMAC)")
        }
        defer { EVP_MAC_free(mac) }
        guard let context = EVP_MAC_CTX_new(mac) else { throw OpenSSLError.drain("EVP_MAC_CTX_new") }
        let ready = "digest".withCString { name in
            "SHA256".withCString { digest in
                var parameters = [
                    OSSL_PARAM_construct_utf8_string(name, UnsafeMutablePointer(mutating: digest), 0),
                    OSSL_PARAM_construct_end(),
                ]
                return EVP_MAC_init(context, key, key.count, &parameters) == 1
            }
        }
        guard ready else {
            EVP_MAC_CTX_free(context)
            throw OpenSSLError.drain("EVP_MAC_init")
        }
        return context
    }

    /// The 32-byte HMAC-SHA-256 of `message`.
    package func authenticate(_ message: [UInt8]) -> [UInt8] {
        do {
            return try contexts.withContext { (context) throws(OpenSSLError) -> [UInt8] in
                var length = 0
                var failure: OpenSSLError?
                let mac = [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
                    // A nil key restarts the context with the key it already holds.
                    if EVP_MAC_init(context, nil, 0, nil) != 1 {
                        failure = OpenSSLError.drain("EVP_MAC_init")
                    } else if EVP_MAC_update(context, message, message.count) != 1 {
                        failure = OpenSSLError.drain("EVP_MAC_update")
                    } else if EVP_MAC_final(context, buffer.baseAddress, &length, 32) != 1 || length != 32 {
                        failure = OpenSSLError.drain("EVP_MAC_final")
                    }
                    count = failure == nil ? 32 : 0
                }
                if let failure { throw failure }
                return mac
            }
        } catch {
            // Only an allocation failure inside libcrypto gets here; as for HMACSHA256.authenticate.
            preconditionFailure("HMAC(SHA-256) failed: \(error)")
        }
    }
}
