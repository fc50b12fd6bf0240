import COpenSSL

/// An AES-256-GCM key set up once, for sealing and opening many small values (the same boxes as
/// `AESGCM.seal` and `AESGCM.open`: `nonce (12) || ciphertext || tag (16)`).
///
/// Each use re-arms a keyed context with a new nonce instead of building a context and its key
/// schedule for every value. Safe to use from many threads at once.
package final class AESGCMKey: Sendable {
    private let encrypting: CipherContextPool
    private let decrypting: CipherContextPool

    /// A key of exactly 32 bytes.
    package init(_ key: [UInt8]) throws(AESGCM.Failure) {
        guard key.count == AESGCM.keyByteCount else {
            throw AESGCM.Failure(reason: "key must be 32 bytes, got \(key.count)")
        }
        encrypting = CipherContextPool(make: { try Self.context(key: key, encrypt: true) }, free: { EVP_CIPHER_CTX_free($0) })
        decrypting = CipherContextPool(make: { try Self.context(key: key, encrypt: false) }, free: { EVP_CIPHER_CTX_free($0) })
    }

    /// A cipher context for AES-256-GCM with 12-byte nonces and `key`, waiting for its nonce.
    private static func context(key: [UInt8], encrypt: Bool) throws(AESGCM.Failure) -> OpaquePointer {
        guard let context = EVP_CIPHER_CTX_new() else { throw AESGCM.Failure(reason: "EVP_CIPHER_CTX_new failed") }
        let initialize = encrypt ? EVP_EncryptInit_ex : EVP_DecryptInit_ex
        guard initialize(context, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              beian_EVP_CIPHER_CTX_set_ivlen(context, Int32(AESGCM.nonceByteCount)) == 1,
              initialize(context, nil, nil, key, nil) == 1
        else {
            EVP_CIPHER_CTX_free(context)
            throw AESGCM.Failure(reason: OpenSSLError.drain(encrypt ? "EVP_EncryptInit_ex" : "EVP_DecryptInit_ex").description)
        }
        return context
    }

    /// Encrypts and authenticates `plaintext` (and `associatedData`, authenticated only) under a
    /// fresh random nonce.
    package func seal(_ plaintext: [UInt8], associatedData: [UInt8] = []) throws(AESGCM.Failure) -> [UInt8] {
        let nonceCount = AESGCM.nonceByteCount, tagCount = AESGCM.tagByteCount
        let nonce = SecureRandom.bytes(count: nonceCount)
        return try Self.using(encrypting) { (context) throws(AESGCM.Failure) -> [UInt8] in
            try Self.start(context, encrypt: true, nonce: nonce, associatedData: associatedData)
            // GCM is a stream mode: the ciphertext is exactly as long as the plaintext.
            var failure: String?
            let box = [UInt8](unsafeUninitializedCapacity: nonceCount + plaintext.count + tagCount) { buffer, count in
                let base = buffer.baseAddress!
                nonce.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: nonceCount) }
                var written: Int32 = 0
                var final: Int32 = 0
                if EVP_EncryptUpdate(context, base + nonceCount, &written, plaintext, Int32(plaintext.count)) != 1 {
                    failure = OpenSSLError.drain("EVP_EncryptUpdate").description
                } else if EVP_EncryptFinal_ex(context, base + nonceCount + Int(written), &final) != 1
                            || Int(written + final) != plaintext.count {
                    failure = OpenSSLError.drain("EVP_EncryptFinal_ex").description
                } else if beian_EVP_CIPHER_CTX_get_tag(context, Int32(tagCount), base + nonceCount + plaintext.count) != 1 {
                    failure = OpenSSLError.drain("EVP_CTRL_GCM_GET_TAG").description
                }
                count = failure == nil ? nonceCount + plaintext.count + tagCount : 0
            }
            if let failure { throw AESGCM.Failure(reason: failure) }
            return box
        }
    }

    /// Authenticates and decrypts a box made by `seal` (or `AESGCM.seal` with the same key).
    /// Throws if the box, key or associated data does not match.
    package func open(_ box: [UInt8], associatedData: [UInt8] = []) throws(AESGCM.Failure) -> [UInt8] {
        let nonceCount = AESGCM.nonceByteCount, tagCount = AESGCM.tagByteCount
        guard box.count >= nonceCount + tagCount else {
            throw AESGCM.Failure(reason: "sealed box is \(box.count) bytes, shorter than nonce and tag")
        }
        let length = box.count - nonceCount - tagCount
        return try Self.using(decrypting) { (context) throws(AESGCM.Failure) -> [UInt8] in
            try Self.start(context, encrypt: false, nonce: Array(box[..<nonceCount]), associatedData: associatedData)
            var authentic = false
            var failure: String?
            let plaintext = box.withUnsafeBufferPointer { input in
                let base = input.baseAddress!
                return [UInt8](unsafeUninitializedCapacity: max(1, length)) { buffer, count in
                    var written: Int32 = 0
                    var final: Int32 = 0
                    count = 0
                    guard EVP_DecryptUpdate(context, buffer.baseAddress, &written, base + nonceCount, Int32(length)) == 1 else {
                        failure = OpenSSLError.drain("EVP_DecryptUpdate").description
                        return
                    }
                    let tag = UnsafeMutablePointer(mutating: base + nonceCount + length)
                    guard beian_EVP_CIPHER_CTX_set_tag(context, Int32(tagCount), tag) == 1 else {
                        failure = OpenSSLError.drain("EVP_CTRL_GCM_SET_TAG").description
                        return
                    }
                    authentic = EVP_DecryptFinal_ex(context, buffer.baseAddress! + Int(written), &final) == 1
                    count = authentic ? Int(written + final) : 0
                }
            }
            if let failure { throw AESGCM.Failure(reason: failure) }
            guard authentic else {
                _ = OpenSSLError.drainErrorQueue()
                throw AESGCM.Failure(reason: "authentication failed: wrong key, or the box was altered")
            }
            return plaintext
        }
    }

    /// Re-arms a keyed `context` with `nonce` and feeds it `associatedData`.
    private static func start(_ context: OpaquePointer, encrypt: Bool, nonce: [UInt8],
                              associatedData: [UInt8]) throws(AESGCM.Failure) {
        let (initialize, update) = encrypt ? (EVP_EncryptInit_ex, EVP_EncryptUpdate) : (EVP_DecryptInit_ex, EVP_DecryptUpdate)
        guard initialize(context, nil, nil, nil, nonce) == 1 else {
            throw AESGCM.Failure(reason: OpenSSLError.drain(encrypt ? "EVP_EncryptInit_ex(nonce)" : "EVP_DecryptInit_ex(nonce)").description)
        }
        var produced: Int32 = 0
        guard associatedData.isEmpty || update(context, nil, &produced, associatedData, Int32(associatedData.count)) == 1 else {
            throw AESGCM.Failure(reason: OpenSSLError.drain(encrypt ? "EVP_EncryptUpdate(aad)" : "EVP_DecryptUpdate(aad)").description)
        }
    }

    /// Runs `body` with a context of `pool`; any failure, setting a new context up included, as
    /// `AESGCM.Failure`.
    private static func using<R>(_ pool: CipherContextPool,
                                 _ body: (OpaquePointer) throws(AESGCM.Failure) -> R) throws(AESGCM.Failure) -> R {
        do {
            return try pool.withContext(body)
        } catch let error as AESGCM.Failure {
            throw error
        } catch {
            throw AESGCM.Failure(reason: "\(error)")
        }
    }
}
