import COpenSSL
import FoundationEssentials

// Building and signing a certificate. Every temporary C object is freed before returning; the new
// X509 is freed on failure and owned by the returned X509Certificate on success.
extension X509Certificate {
    /// The signer of a new certificate: an existing CA, or nil for a self-signed certificate.
    struct Issuer {
        var certificate: X509Certificate?
        var key: PrivateKey
    }

    /// Makes a v3 certificate for `subject` and `publicKey`, with a random 127-bit serial number,
    /// the given extensions `(NID, OpenSSL config value)` added in order, signed with SHA-256.
    static func issue(
        subject: CertificateSubject, publicKey: PrivateKey, issuer: Issuer,
        notBefore: Date, notAfter: Date, extensions: [(nid: Int32, value: String)]
    ) throws(TLSError) -> X509Certificate {
        guard notBefore < notAfter else {
            throw TLSError(.issuance, "certificate for \(subject): notBefore must precede notAfter")
        }
        ERR_clear_error()
        guard let x509 = X509_new() else { throw TLSError.drain(.issuance, "X509_new failed") }
        let certificate = X509Certificate(takingOwnershipOf: x509)  // frees it if we throw below
        try certificate.fill(subject: subject, publicKey: publicKey, issuer: issuer,
                             notBefore: notBefore, notAfter: notAfter)
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer.certificate?.pointer ?? x509, x509, nil, nil, 0)
        for (nid, value) in extensions {
            guard let `extension` = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
                let name = String(cString: OBJ_nid2sn(nid))
                throw TLSError.drain(.issuance, "certificate for \(subject): bad extension \(name)=\(value)")
            }
            defer { X509_EXTENSION_free(`extension`) }
            guard X509_add_ext(x509, `extension`, -1) == 1 else {
                throw TLSError.drain(.issuance, "certificate for \(subject): cannot add extension")
            }
        }
        guard X509_sign(x509, issuer.key.pointer, EVP_sha256()) > 0 else {
            throw TLSError.drain(.issuance, "cannot sign the certificate for \(subject)")
        }
        return certificate
    }

    /// Version, serial number, validity, subject, issuer name and public key.
    private func fill(
        subject: CertificateSubject, publicKey: PrivateKey, issuer: Issuer, notBefore: Date, notAfter: Date
    ) throws(TLSError) {
        var serial = SecureRandom.bytes(count: 16)
        serial[0] &= 0x7f  // positive
        serial[0] |= 0x01  // and never shorter than 16 bytes
        let serialSet: Bool = {
            guard let number = BN_bin2bn(serial, Int32(serial.count), nil) else { return false }
            defer { BN_free(number) }
            return BN_to_ASN1_INTEGER(number, X509_get_serialNumber(pointer)) != nil
        }()
        guard X509_set_version(pointer, Int(X509_VERSION_3)) == 1, serialSet,
              ASN1_TIME_set(X509_getm_notBefore(pointer), time_t(notBefore.timeIntervalSince1970)) != nil,
              ASN1_TIME_set(X509_getm_notAfter(pointer), time_t(notAfter.timeIntervalSince1970)) != nil,
              X509_set_pubkey(pointer, publicKey.pointer) == 1
        else { throw TLSError.drain(.issuance, "cannot fill in the certificate for \(subject)") }

        let name = try Self.makeName(subject)
        defer { X509_NAME_free(name) }
        let issuerName = issuer.certificate.map { X509_get_subject_name($0.pointer) } ?? name
        guard X509_set_subject_name(pointer, name) == 1, X509_set_issuer_name(pointer, issuerName) == 1 else {
            throw TLSError.drain(.issuance, "cannot set the names of the certificate for \(subject)")
        }
    }

    /// A new X509_NAME (caller frees) with CN, O and OU as UTF-8 strings.
    private static func makeName(_ subject: CertificateSubject) throws(TLSError) -> OpaquePointer {
        guard !subject.commonName.isEmpty else { throw TLSError(.issuance, "a certificate needs a common name") }
        guard let name = X509_NAME_new() else { throw TLSError.drain(.issuance, "X509_NAME_new failed") }
        let entries: [(Int32, String?, String)] = [
            (NID_organizationName, subject.organization, "O"),
            (NID_organizationalUnitName, subject.organizationalUnit, "OU"),
            (NID_commonName, subject.commonName, "CN"),
        ]
        for case let (nid, value?, label) in entries {
            let added = Array(value.utf8).withUnsafeBufferPointer { bytes in
                X509_NAME_add_entry_by_NID(name, nid, MBSTRING_UTF8, bytes.baseAddress, Int32(bytes.count), -1, 0)
            }
            guard added == 1 else {
                let error = TLSError.drain(.issuance, "cannot put \(label)=\(value) in a certificate subject")
                X509_NAME_free(name)
                throw error
            }
        }
        return name
    }
}
