/// What a ``TLSContext`` is built from: role, certificate and key files, trust roots, peer checks.
///
/// Build one with ``server(certificateChainFile:privateKeyFile:clientCAFile:requireClientCertificate:)``
/// or ``client(trustRootsFile:certificateChainFile:privateKeyFile:serverName:)``. All files are PEM.
/// Only TLS 1.3 is ever negotiated (see ``maximumVersionForTesting`` for the one exception).
package struct TLSConfiguration: Sendable {
    /// Which end of the connection a context serves.
    package enum Role: Sendable, Hashable {
        /// Accepts connections; presents a certificate; may require one from the client (mutual TLS).
        case server
        /// Opens connections; always verifies the server against its trust roots.
        case client
    }

    /// A TLS protocol version, for ``maximumVersionForTesting``.
    package enum ProtocolVersion: Sendable, Hashable {
        /// TLS 1.2, which Beian never speaks; only tests build such a peer, to see it refused.
        case tls12
        /// TLS 1.3, the only version Beian speaks.
        case tls13
    }

    /// Which end of the connection this configuration is for.
    package var role: Role
    /// Our certificate, followed by any intermediates (PEM). Required for servers.
    package var certificateChainFile: String?
    /// The private key of our certificate (PEM). Required whenever a certificate is given.
    package var privateKeyFile: String?
    /// Server: the CA certificates that may sign client certificates. Client: the CA certificates
    /// that may sign the server's certificate (PEM, one or more).
    package var trustRootsFile: String?
    /// Server only: refuse clients that present no valid certificate (mutual TLS, 双向认证).
    package var requireClientCertificate: Bool
    /// Client only: the DNS name or IP literal the server's certificate must carry in its subject
    /// alternative names. A DNS name is also sent as SNI. Nil checks the chain only.
    package var serverName: String?
    /// TEST ONLY: caps the protocol version, so a test can build a TLS 1.2-only *client* and watch our
    /// server refuse it. Production code must leave this nil (TLS 1.3 minimum and maximum).
    package var maximumVersionForTesting: ProtocolVersion?

    /// A server configuration: our chain and key, and optionally the CAs allowed to sign client
    /// certificates. With `requireClientCertificate`, clients without a valid certificate are refused;
    /// without it, a certificate is verified if the client presents one.
    package static func server(
        certificateChainFile: String, privateKeyFile: String,
        clientCAFile: String? = nil, requireClientCertificate: Bool = false
    ) -> TLSConfiguration {
        TLSConfiguration(
            role: .server, certificateChainFile: certificateChainFile, privateKeyFile: privateKeyFile,
            trustRootsFile: clientCAFile, requireClientCertificate: requireClientCertificate,
            serverName: nil, maximumVersionForTesting: nil)
    }

    /// A client configuration: the CAs we trust for the server, optionally our own certificate and
    /// key (for mutual TLS), and the name (DNS name or IP literal) the server's certificate must carry.
    package static func client(
        trustRootsFile: String, certificateChainFile: String? = nil,
        privateKeyFile: String? = nil, serverName: String? = nil
    ) -> TLSConfiguration {
        TLSConfiguration(
            role: .client, certificateChainFile: certificateChainFile, privateKeyFile: privateKeyFile,
            trustRootsFile: trustRootsFile, requireClientCertificate: false,
            serverName: serverName, maximumVersionForTesting: nil)
    }
}
