import COpenSSL

/// A private key (EC P-256 when we mint it), for signing certificates and for TLS.
///
/// Ownership: owns one `EVP_PKEY`, freed in `deinit`.
package final class PrivateKey: @unchecked Sendable {
    // @unchecked: the EVP_PKEY is never modified after creation; OpenSSL 3 allows concurrent
    // read-only use (signing creates its own per-call context).
    let pointer: OpaquePointer

    init(takingOwnershipOf pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { EVP_PKEY_free(pointer) }

    /// Generates a new EC key on curve P-256 (fast handshakes, small certificates).
    /// - Throws: `TLSError` with code `.issuance` if OpenSSL cannot generate it.
    package static func generateP256() throws(TLSError) -> PrivateKey {
        ERR_clear_error()
        guard let key = beian_EVP_EC_gen("P-256") else {
            throw TLSError.drain(.issuance, "cannot generate an EC P-256 key")
        }
        return PrivateKey(takingOwnershipOf: key)
    }

    /// Loads a PEM private key (PKCS#8 or traditional) from `file`.
    /// - Throws: `TLSError` with code `.privateKeyFile` naming the file.
    package convenience init(pemFile file: String) throws(TLSError) {
        let key = try PEMFile.withFileBIO(file, code: .privateKeyFile, what: "private key") { bio in
            PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        self.init(takingOwnershipOf: key)
    }

    /// The key as PKCS#8 PEM text ("-----BEGIN PRIVATE KEY-----"). Secret: never log it.
    package func pemEncoded() throws(TLSError) -> String {
        try PEMFile.encode(what: "private key") { bio in
            PEM_write_bio_PrivateKey(bio, pointer, nil, nil, 0, nil, nil)
        }
    }

    /// Writes the key as PEM to `file` with mode 0600 (owner read/write only), replacing it atomically.
    /// - Throws: `TLSError` with code `.issuance` naming the file.
    package func write(to file: String) throws(TLSError) {
        try PEMFile.save(pemEncoded(), to: file, mode: 0o600)
    }
}
