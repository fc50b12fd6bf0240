import COpenSSL
import Glibc

// The steps of building an SSL_CTX, each applied to a context that TLSContext.init frees on failure.
extension TLSContext {
    /// TLS 1.3 only; small idle connections; no session resumption.
    static func configureProtocol(_ context: OpaquePointer, _ configuration: TLSConfiguration) throws(TLSError) {
        let version: Int32 = configuration.maximumVersionForTesting == .tls12 ? TLS1_2_VERSION : TLS1_3_VERSION
        guard beian_SSL_CTX_set_min_proto_version(context, version) == 1,
              beian_SSL_CTX_set_max_proto_version(context, version) == 1
        else { throw TLSError.drain(.configuration, "cannot restrict the protocol version to TLS 1.3") }

        // AES-128-GCM first: fastest with AES-NI, and all three suites are strong.
        let suites = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"
        guard SSL_CTX_set_ciphersuites(context, suites) == 1 else {
            throw TLSError.drain(.configuration, "cannot set the TLS 1.3 cipher suites")
        }
        // RELEASE_BUFFERS frees OpenSSL's ~17 KB read and write record buffers while a connection is
        // idle. Writes are all-or-nothing (no partial writes); our BIO never refuses output, so a
        // write never has to be retried, but a retry with a moved buffer would be accepted.
        // NO_AUTO_CHAIN sends exactly the chain file (not the root CA from the trust store too,
        // which every peer already has): fewer bytes per handshake.
        _ = beian_SSL_CTX_set_mode(
            context, Int(SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_NO_AUTO_CHAIN))
        _ = beian_SSL_CTX_clear_mode(context, Int(SSL_MODE_ENABLE_PARTIAL_WRITE))
        // Our clients never resume sessions, so session tickets would be bytes and work for nothing,
        // and a server-side session cache would only hold memory.
        _ = beian_SSL_CTX_set_session_cache_mode(context, Int(SSL_SESS_CACHE_OFF))
        guard SSL_CTX_set_num_tickets(context, 0) == 1 else {
            throw TLSError.drain(.configuration, "cannot disable session tickets")
        }
    }

    /// Our certificate chain and private key, checked against each other.
    static func configureIdentity(_ context: OpaquePointer, _ configuration: TLSConfiguration) throws(TLSError) {
        switch (configuration.certificateChainFile, configuration.privateKeyFile) {
        case (nil, nil):
            if configuration.role == .server {
                throw TLSError(.configuration, "a TLS server needs a certificate chain file and a private key file")
            }
        case (let chain?, let key?):
            guard SSL_CTX_use_certificate_chain_file(context, chain) == 1 else {
                throw TLSError.drain(.certificateFile, "cannot load certificate chain from '\(chain)'")
            }
            guard SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) == 1 else {
                throw TLSError.drain(.privateKeyFile, "cannot load private key from '\(key)'")
            }
            guard SSL_CTX_check_private_key(context) == 1 else {
                throw TLSError.drain(.privateKeyFile, "private key '\(key)' does not match certificate '\(chain)'")
            }
        case (let chain?, nil):
            throw TLSError(.configuration, "certificate chain '\(chain)' given without a private key file")
        case (nil, let key?):
            throw TLSError(.configuration, "private key '\(key)' given without a certificate chain file")
        }
    }

    /// Trust roots and what is checked of the peer: client certificates (server), chain and name (client).
    static func configurePeerVerification(
        _ context: OpaquePointer, _ configuration: TLSConfiguration
    ) throws(TLSError) {
        if let roots = configuration.trustRootsFile {
            guard SSL_CTX_load_verify_file(context, roots) == 1 else {
                throw TLSError.drain(.certificateFile, "cannot load CA certificates from '\(roots)'")
            }
        }
        switch configuration.role {
        case .server:
            if configuration.requireClientCertificate {
                guard configuration.trustRootsFile != nil else {
                    throw TLSError(.configuration, "requiring client certificates needs a client CA file")
                }
                SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
            } else {
                SSL_CTX_set_verify(context, configuration.trustRootsFile == nil ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, nil)
            }
        case .client:
            guard configuration.trustRootsFile != nil else {
                throw TLSError(.configuration, "a TLS client needs a trust roots file to verify the server")
            }
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
            if let name = configuration.serverName { try expectServerName(name, context) }
        }
    }

    /// Makes every connection check the server certificate's subject alternative names for `name`.
    private static func expectServerName(_ name: String, _ context: OpaquePointer) throws(TLSError) {
        guard !name.isEmpty, let parameters = SSL_CTX_get0_param(context) else {
            throw TLSError(.configuration, "empty expected server name")
        }
        if isIPAddress(name) {
            guard X509_VERIFY_PARAM_set1_ip_asc(parameters, name) == 1 else {
                throw TLSError.drain(.configuration, "cannot expect server IP address '\(name)'")
            }
        } else {
            X509_VERIFY_PARAM_set_hostflags(parameters, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
            guard X509_VERIFY_PARAM_set1_host(parameters, name, 0) == 1 else {
                throw TLSError.drain(.configuration, "cannot expect server host name '\(name)'")
            }
        }
    }

    /// Whether `text` is an IPv4 or IPv6 literal (as opposed to a DNS name).
    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
