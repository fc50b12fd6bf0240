import COpenSSL

/// A TLS 1.3 context built once from a ``TLSConfiguration``, shared by every connection it makes.
///
/// Building one reads the certificate, key and CA files from disk (blocking I/O: do it at start-up,
/// not on an event loop or the cooperative pool). Afterwards it is immutable and thread-safe:
/// ``makeConnection()`` may be called from any thread.
///
/// Ownership: this object owns one `SSL_CTX` and frees it in `deinit`. Each `SSL` made from it holds
/// its own OpenSSL reference to the `SSL_CTX`, so connections may outlive the Swift object.
package final class TLSContext: @unchecked Sendable {
    // @unchecked: the only stored C handle is an SSL_CTX that is fully configured in init and never
    // modified afterwards; OpenSSL documents SSL_new on a shared, unmodified SSL_CTX as thread-safe.
    let pointer: OpaquePointer
    /// Which end of the connection this context serves.
    package let role: TLSConfiguration.Role
    /// The DNS name sent as SNI by client connections (nil for servers and IP literals).
    private let serverNameIndication: String?

    /// Builds the context: protocol versions, certificate chain and key, trust roots, peer checks.
    /// - Throws: `TLSError` with code `.certificateFile` or `.privateKeyFile` naming the file that
    ///   could not be loaded (with OpenSSL's messages), or `.configuration` for impossible settings.
    package init(_ configuration: TLSConfiguration) throws(TLSError) {
        ERR_clear_error()
        let method = configuration.role == .server ? TLS_server_method() : TLS_client_method()
        guard let context = SSL_CTX_new(method) else {
            throw TLSError.drain(.configuration, "SSL_CTX_new failed")
        }
        do {
            try Self.configureProtocol(context, configuration)
            try Self.configureIdentity(context, configuration)
            try Self.configurePeerVerification(context, configuration)
        } catch {
            SSL_CTX_free(context)
            throw error
        }
        self.pointer = context
        self.role = configuration.role
        if configuration.role == .client, let name = configuration.serverName, !Self.isIPAddress(name) {
            self.serverNameIndication = name
        } else {
            self.serverNameIndication = nil
        }
    }

    deinit { SSL_CTX_free(pointer) }

    /// Makes a new connection engine in the accept (server) or connect (client) state.
    /// - Throws: `TLSError` with code `.configuration` if OpenSSL cannot allocate the connection.
    package func makeConnection() throws(TLSError) -> sending TLSConnection {
        ERR_clear_error()
        guard let ssl = SSL_new(pointer) else { throw TLSError.drain(.configuration, "SSL_new failed") }
        if role == .server {
            SSL_set_accept_state(ssl)
        } else {
            SSL_set_connect_state(ssl)
            if let name = serverNameIndication, beian_SSL_set_tlsext_host_name(ssl, name) != 1 {
                let error = TLSError.drain(.configuration, "cannot set server name indication '\(name)'")
                SSL_free(ssl)
                throw error
            }
        }
        return try TLSConnection(takingOwnershipOf: ssl)
    }
}
