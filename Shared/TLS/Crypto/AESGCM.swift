import COpenSSL

/// AES-256-GCM authenticated encryption through libcrypto's EVP interface.
///
/// A sealed box is `nonce (12 bytes) || ciphertext || tag (16 bytes)`; a fresh random nonce is
/// drawn for every seal, so the same plaintext never encrypts to the same bytes twice.
package enum AESGCM {
    package static let keyByteCount = 32
    package static let nonceByteCount = 12
    package static let tagByteCount = 16

    /// Why a box could not be opened or a key could not be used.
    package struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        package var reason: String
        package var description: String { "AES-256-GCM: \(reason)" }
    }

    /// Encrypts and authenticates `plaintext` (and `associatedData`, which is authenticated only).
    package static func seal(
        _ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8] = []
    ) throws(Failure) -> [UInt8] {
        guard key.count == keyByteCount else { throw Failure(reason: "key must be 32 bytes, got \(key.count)") }
        let nonce = SecureRandom.bytes(count: nonceByteCount)
        guard let context = EVP_CIPHER_CTX_new() else { throw Failure(reason: "EVP_CIPHER_CTX_new failed") }
        defer { EVP_CIPHER_CTX_free(context) }

        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        var produced: Int32 = 0
        var total = 0
        guard EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              beian_EVP_CIPHER_CTX_set_ivlen(context, Int32(nonceByteCount)) == 1,
              EVP_EncryptInit_ex(context, nil, nil, key, nonce) == 1
        else { throw Failure(reason: OpenSSLError.drain("EVP_EncryptInit_ex").description) }
        if !associatedData.isEmpty {
            guard EVP_EncryptUpdate(context, nil, &produced, associatedData, Int32(associatedData.count)) == 1 else {
                throw Failure(reason: OpenSSLError.drain("EVP_EncryptUpdate(aad)").description)
            }
        }
        let updated = ciphertext.withUnsafeMutableBufferPointer { out in
            EVP_EncryptUpdate(context, out.baseAddress, &produced, plaintext, Int32(plaintext.count))
        }
        guard updated == 1 else { throw Failure(reason: OpenSSLError.drain("EVP_EncryptUpdate").description) }
        total = Int(produced)
        let finished = ciphertext.withUnsafeMutableBufferPointer { out in
            EVP_EncryptFinal_ex(context, out.baseAddress! + total, &produced)
        }
        guard finished == 1 else { throw Failure(reason: OpenSSLError.drain("EVP_EncryptFinal_ex").description) }
        total += Int(produced)
        guard beian_EVP_CIPHER_CTX_get_tag(context, Int32(tagByteCount), &tag) == 1 else {
            throw Failure(reason: OpenSSLError.drain("EVP_CTRL_GCM_GET_TAG").description)
        }
        return nonce + ciphertext[..<total] + tag
    }

    /// Authenticates and decrypts a box made by `seal`. Throws if the box, key or associated
    /// data does not match (a tampered or foreign box never opens).
    package static func open(
        _ box: [UInt8], key: [UInt8], associatedData: [UInt8] = []
    ) throws(Failure) -> [UInt8] {
        guard key.count == keyByteCount else { throw Failure(reason: "key must be 32 bytes, got \(key.count)") }
        guard box.count >= nonceByteCount + tagByteCount else {
            throw Failure(reason: "sealed box is \(box.count) bytes, shorter than nonce and tag")
        }
        let nonce = Array(box[..<nonceByteCount])
        var tag = Array(box[(box.count - tagByteCount)...])
        let ciphertext = Array(box[nonceByteCount..<(box.count - tagByteCount)])
        guard let context = EVP_CIPHER_CTX_new() else { throw Failure(reason: "EVP_CIPHER_CTX_new failed") }
        defer { EVP_CIPHER_CTX_free(context) }

        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var produced: Int32 = 0
        guard EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              beian_EVP_CIPHER_CTX_set_ivlen(context, Int32(nonceByteCount)) == 1,
              EVP_DecryptInit_ex(context, nil, nil, key, nonce) == 1
        else { throw Failure(reason: OpenSSLError.drain("EVP_DecryptInit_ex").description) }
        if !associatedData.isEmpty {
            guard EVP_DecryptUpdate(context, nil, &produced, associatedData, Int32(associatedData.count)) == 1 else {
                throw Failure(reason: OpenSSLError.drain("EVP_DecryptUpdate(aad)").description)
            }
        }
        let updated = plaintext.withUnsafeMutableBufferPointer { out in
            EVP_DecryptUpdate(context, out.baseAddress, &produced, ciphertext, Int32(ciphertext.count))
        }
        guard updated == 1 else { throw Failure(reason: OpenSSLError.drain("EVP_DecryptUpdate").description) }
        var total = Int(produced)
        guard beian_EVP_CIPHER_CTX_set_tag(context, Int32(tagByteCount), &tag) == 1 else {
            throw Failure(reason: OpenSSLError.drain("EVP_CTRL_GCM_SET_TAG").description)
        }
        let finished = plaintext.withUnsafeMutableBufferPointer { out in
            EVP_DecryptFinal_ex(context, out.baseAddress! + total, &produced)
        }
        guard finished == 1 else {
            _ = OpenSSLError.drainErrorQueue()
            throw Failure(reason: "authentication failed: wrong key, or the box was altered")
        }
        total += Int(produced)
        return Array(plaintext[..<total])
    }
}
