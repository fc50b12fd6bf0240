import Glibc

/// The subject of a certificate Beian mints: who it names.
///
/// Staff: CN = the person's name (Chinese text is fine, stored as UTF-8), O = office code (e.g. "611000"),
/// OU = role ("clerk", "head", "auditor"). Services: CN = service host or name, OU = service ("intake").
/// Normalize user-typed text (BeianModel's `TextNormalization`) before putting it here.
package struct CertificateSubject: Sendable, Hashable, CustomStringConvertible {
    /// CN: the staff member's or service's name (at most 64 characters).
    package var commonName: String
    /// O: the office code (办公室代码).
    package var organization: String?
    /// OU: the role or service.
    package var organizationalUnit: String?

    /// Makes a subject.
    package init(commonName: String, organization: String? = nil, organizationalUnit: String? = nil) {
        self.commonName = commonName
        self.organization = organization
        self.organizationalUnit = organizationalUnit
    }

    package var description: String {
        var parts = ["CN=\(commonName)"]
        if let organization { parts.append("O=\(organization)") }
        if let organizationalUnit { parts.append("OU=\(organizationalUnit)") }
        return parts.joined(separator: ", ")
    }
}

/// A name a server certificate is valid for (subject alternative name).
package enum SubjectAlternativeName: Sendable, Hashable, CustomStringConvertible {
    /// A DNS host name, e.g. "localhost" or "intake.611000.beian.internal".
    case dnsName(String)
    /// An IPv4 or IPv6 literal, e.g. "127.0.0.1" or "::1".
    case ipAddress(String)

    package var description: String {
        switch self {
        case .dnsName(let name): "DNS:\(name)"
        case .ipAddress(let address): "IP:\(address)"
        }
    }
}

/// What a leaf certificate may be used for (extended key usage).
package enum CertificateUsage: Sendable, Hashable {
    /// A TLS server (serverAuth).
    case server
    /// A TLS client: staff member, operator tool, or a service calling another (clientAuth).
    case client
    /// Both: a service that serves and also calls other services with the same certificate.
    case serverAndClient

    var extendedKeyUsage: String {
        switch self {
        case .server: "serverAuth"
        case .client: "clientAuth"
        case .serverAndClient: "serverAuth,clientAuth"
        }
    }
}
