import BeianTLS

/// Encryption at rest for sensitive personal information (敏感个人信息: ID numbers, mobiles).
///
/// Two subkeys are derived from one 32-byte master key: `HMAC-SHA-256(master, "beian.field.v1.encrypt")`
/// seals values with AES-256-GCM, and `HMAC-SHA-256(master, "beian.field.v1.lookup")` computes
/// keyed hashes for exact-match look-up columns, so a look-up hash reveals nothing about the
/// encryption key and vice versa.
///
/// A sealed value is `0x01 (format version) || nonce (12) || ciphertext || tag (16)`, with the
/// `purpose` (usually "table.column") as associated data: a box copied into another column does
/// not open. Each seal draws a fresh nonce, so equal values never give equal boxes; look up by
/// `lookupHash` instead. Store both in BLOB columns, e.g. `id_number_box` and `id_number_lookup`
/// (with an index on the latter).
package struct FieldCipher: Sendable {
    /// The derived keys, set up once (see `AESGCMKey`, `HMACSHA256Key`).
    private let encryptionKey: AESGCMKey
    private let lookupKey: HMACSHA256Key
    private let normalizeForLookup: @Sendable (String) -> String

    /// The format byte at the start of every sealed value.
    static let formatVersion: UInt8 = 1

    /// A cipher from a 32-byte master key.
    ///
    /// - Parameter normalizeForLookup: applied to a value before hashing it for look-up, so that
    ///   "11010519491231002x" and "１１０１０５１９４９１２３１００２Ｘ" find the same row; pass
    ///   `TextNormalization.code` (the store cannot depend on BeianModel).
    package init(masterKey: [UInt8], normalizeForLookup: @escaping @Sendable (String) -> String) throws {
        guard masterKey.count == AESGCM.keyByteCount else {
            throw StoreError(.keyFile, "the field-encryption master key must be 32 bytes, got \(masterKey.count)")
        }
        do {
            encryptionKey = try AESGCMKey(HMACSHA256.authenticate(Array("beian.field.v1.encrypt".utf8), key: masterKey))
        } catch {
            throw StoreError(.keyFile, "the field-encryption key could not be set up: \(error)")
        }
        lookupKey = HMACSHA256Key(HMACSHA256.authenticate(Array("beian.field.v1.lookup".utf8), key: masterKey))
        self.normalizeForLookup = normalizeForLookup
    }

    /// Encrypts `value` for the column or purpose named `purpose` (e.g. "operator.id_number").
    package func seal(_ value: String, purpose: String) throws -> [UInt8] {
        do {
            return [Self.formatVersion] + (try encryptionKey.seal(Array(value.utf8), associatedData: aad(purpose)))
        } catch {
            throw StoreError(.sealedField, "could not seal a value for \(purpose): \(error)")
        }
    }

    /// Decrypts a value sealed by `seal` with the same key and purpose.
    ///
    /// - Throws: `StoreError.sealedField` if the box does not open: another key, another purpose,
    ///   or altered bytes.
    package func open(_ box: [UInt8], purpose: String) throws -> String {
        guard box.first == Self.formatVersion else {
            throw StoreError(.sealedField, "the sealed \(purpose) value has an unknown format (not made by FieldCipher)")
        }
        let plaintext: [UInt8]
        do {
            plaintext = try encryptionKey.open(Array(box.dropFirst()), associatedData: aad(purpose))
        } catch {
            throw StoreError(.sealedField, """
                the sealed \(purpose) value does not open: wrong field-encryption key, a box from \
                another column, or altered bytes
                """)
        }
        guard let text = String(validating: plaintext, as: UTF8.self) else {
            throw StoreError(.sealedField, "the sealed \(purpose) value is not UTF-8 text")
        }
        return text
    }

    /// The keyed hash (32 bytes) of the normalized `value`, for an exact-match look-up column.
    /// The purpose is hashed too, so equal values in unrelated columns do not link up.
    package func lookupHash(_ value: String, purpose: String) -> [UInt8] {
        let message = Array(purpose.utf8) + [0] + Array(normalizeForLookup(value).utf8)
        return lookupKey.authenticate(message)
    }

    private func aad(_ purpose: String) -> [UInt8] {
        Array("beian.field.v1:\(purpose)".utf8)
    }
}
