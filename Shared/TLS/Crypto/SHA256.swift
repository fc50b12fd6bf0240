import FoundationEssentials
import COpenSSL

/// SHA-256 through libcrypto's EVP interface.
package enum SHA256 {
    /// The 32-byte SHA-256 digest of `bytes`.
    package static func hash<Bytes: ContiguousBytes>(_ bytes: Bytes) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &digest, &length, EVP_sha256(), nil)
        }
        // EVP_Digest with a built-in digest only fails on allocation failure.
        precondition(ok == 1 && length == 32, "EVP_Digest(SHA-256) failed: \(OpenSSLError.drain("EVP_Digest"))")
        return digest
    }

    /// The SHA-256 digest of `bytes` as 64 lowercase hexadecimal characters.
    package static func hexHash<Bytes: ContiguousBytes>(_ bytes: Bytes) -> String {
        Hex.encode(hash(bytes))
    }
}

/// An incremental SHA-256 for data that arrives in pieces (e.g. a streamed upload).
package final class SHA256Hasher {
    private let context: OpaquePointer

    package init() {
        guard let context = EVP_MD_CTX_new() else {
            fatalError("EVP_MD_CTX_new failed: \(OpenSSLError.drain("EVP_MD_CTX_new"))")
        }
        self.context = context
        precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "EVP_DigestInit_ex failed")
    }

    deinit { EVP_MD_CTX_free(context) }

    package func update<Bytes: ContiguousBytes>(_ bytes: Bytes) {
        bytes.withUnsafeBytes { input in
            precondition(EVP_DigestUpdate(context, input.baseAddress, input.count) == 1, "EVP_DigestUpdate failed")
        }
    }

    /// The digest of everything given so far. The hasher must not be used afterwards.
    package func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        precondition(EVP_DigestFinal_ex(context, &digest, &length) == 1 && length == 32, "EVP_DigestFinal_ex failed")
        return digest
    }
}
