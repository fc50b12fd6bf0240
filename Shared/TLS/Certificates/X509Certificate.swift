import COpenSSL
import FoundationEssentials
import Glibc

/// An X.509 certificate: loaded from PEM or minted by a ``CertificateAuthority``.
///
/// Ownership: owns one `X509`, freed in `deinit`.
package final class X509Certificate: @unchecked Sendable {
    // @unchecked: the X509 is never modified after creation; OpenSSL 3 guards its lazily computed
    // caches with a lock, so concurrent reads are safe.
    let pointer: OpaquePointer

    init(takingOwnershipOf pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { X509_free(pointer) }

    /// Loads the first PEM certificate in `file`.
    /// - Throws: `TLSError` with code `.certificateFile` naming the file.
    package convenience init(pemFile file: String) throws(TLSError) {
        let certificate = try PEMFile.withFileBIO(file, code: .certificateFile, what: "certificate") { bio in
            PEM_read_bio_X509(bio, nil, nil, nil)
        }
        self.init(takingOwnershipOf: certificate)
    }

    /// The subject: CN, O, OU (CN is empty if the certificate has none).
    package var subject: CertificateSubject {
        CertificateSubject(
            commonName: X509Fields.subjectEntry(pointer, NID_commonName) ?? "",
            organization: X509Fields.subjectEntry(pointer, NID_organizationName),
            organizationalUnit: X509Fields.subjectEntry(pointer, NID_organizationalUnitName))
    }

    /// The subject as a ``PeerIdentity`` (what a peer verifying this certificate would see).
    package var identity: PeerIdentity { PeerIdentity(borrowing: pointer) }

    /// The serial number, lowercase hexadecimal.
    package var serialNumber: String { X509Fields.serialNumber(pointer) }
    /// The start of the validity period.
    package var notBefore: Date { X509Fields.notBefore(pointer) }
    /// The end of the validity period.
    package var notAfter: Date { X509Fields.notAfter(pointer) }

    /// The DNS names and IP addresses in the subject alternative name extension.
    package var subjectAlternativeNames: [SubjectAlternativeName] {
        guard let raw = X509_get_ext_d2i(pointer, NID_subject_alt_name, nil, nil) else { return [] }
        let names = OpaquePointer(raw)
        defer { beian_GENERAL_NAMES_free(names) }
        var result: [SubjectAlternativeName] = []
        for index in 0..<beian_sk_GENERAL_NAME_num(names) {
            guard let name = beian_sk_GENERAL_NAME_value(names, index) else { continue }
            switch name.pointee.type {
            case GEN_DNS:
                let text = name.pointee.d.dNSName
                result.append(.dnsName(String(decoding: Self.bytes(text), as: UTF8.self)))
            case GEN_IPADD:
                let bytes = Self.bytes(name.pointee.d.iPAddress)
                if let text = Self.ipText(bytes) { result.append(.ipAddress(text)) }
            default:
                continue
            }
        }
        return result
    }

    /// The certificate as PEM text ("-----BEGIN CERTIFICATE-----").
    package func pemEncoded() throws(TLSError) -> String {
        try PEMFile.encode(what: "certificate") { bio in PEM_write_bio_X509(bio, pointer) }
    }

    /// Writes the certificate as PEM to `file` (mode 0644), replacing it atomically.
    /// - Throws: `TLSError` with code `.issuance` naming the file.
    package func write(to file: String) throws(TLSError) {
        try PEMFile.save(pemEncoded(), to: file, mode: 0o644)
    }

    private static func bytes(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> [UInt8] {
        guard let string, let data = ASN1_STRING_get0_data(string) else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string))))
    }

    private static func ipText(_ bytes: [UInt8]) -> String? {
        let family: Int32
        switch bytes.count {
        case 4: family = AF_INET
        case 16: family = AF_INET6
        default: return nil
        }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, bytes, &text, socklen_t(text.count)) != nil else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
