import COpenSSL
import FoundationEssentials

/// Who is on the other end: read from the peer's certificate *after* OpenSSL verified it.
///
/// Beian certificates name a staff member or service in CN, the office code (e.g. "611000") in O,
/// and the role or service (e.g. "clerk", "head", "auditor", "intake") in OU.
package struct PeerIdentity: Sendable, Hashable, CustomStringConvertible {
    /// Subject CN: the staff member's name (e.g. "张三") or the service's name.
    package var commonName: String?
    /// Subject O: the office code (办公室代码), e.g. "611000".
    package var organization: String?
    /// Subject OU: the role ("clerk", "head", "auditor") or the service ("intake").
    package var organizationalUnit: String?
    /// The certificate's serial number, lowercase hexadecimal.
    package var serialNumber: String
    /// When the certificate expires.
    package var notAfter: Date

    /// Makes an identity from its parts.
    package init(
        commonName: String?, organization: String?, organizationalUnit: String?, serialNumber: String, notAfter: Date
    ) {
        self.commonName = commonName
        self.organization = organization
        self.organizationalUnit = organizationalUnit
        self.serialNumber = serialNumber
        self.notAfter = notAfter
    }

    /// Reads the subject of a certificate the caller keeps alive (the pointer is not retained).
    init(borrowing certificate: OpaquePointer) {
        self.init(
            commonName: X509Fields.subjectEntry(certificate, NID_commonName),
            organization: X509Fields.subjectEntry(certificate, NID_organizationName),
            organizationalUnit: X509Fields.subjectEntry(certificate, NID_organizationalUnitName),
            serialNumber: X509Fields.serialNumber(certificate),
            notAfter: X509Fields.notAfter(certificate))
    }

    package var description: String {
        var parts: [String] = []
        if let commonName { parts.append("CN=\(commonName)") }
        if let organization { parts.append("O=\(organization)") }
        if let organizationalUnit { parts.append("OU=\(organizationalUnit)") }
        parts.append("serial=\(serialNumber)")
        return parts.joined(separator: ", ")
    }
}
