import COpenSSL

/// One TLS 1.3 connection as a sans-I/O engine: ciphertext in and out as bytes, plaintext in and out.
///
/// It never touches a socket. The owner (the RPC layer's event loop) moves bytes:
/// 1. bytes read from the socket go to ``receiveCiphertext(_:)``;
/// 2. ``handshake()`` is driven until it returns true, then ``readPlaintext(into:)`` yields data;
/// 3. ``writePlaintext(_:)`` encrypts application data, ``close()`` queues a close_notify;
/// 4. after *every* call above, ``takeCiphertext(into:)`` collects what must be written to the socket
///    (handshake messages, alerts and records can appear after any of them).
///
/// Two TLS 1.3 facts the owner must respect: application data may arrive in the same socket read as
/// the handshake's last message, so call ``readPlaintext(into:)`` as soon as ``handshake()`` returns
/// true; and a client finishes its handshake *before* the server checks the client certificate, so
/// a refused client learns it from ``readPlaintext(into:)`` (`TLSError` code `.alertReceived`).
///
/// Threading: not thread-safe. Use a connection from one thread at a time (e.g. its event loop);
/// handing it to another thread is fine once the first has stopped using it.
///
/// Ownership: owns one `SSL` (freed in `deinit`), which owns its BIO; the BIO points at
/// ``CiphertextBuffers`` owned by this object, released only after the `SSL` is freed.
package final class TLSConnection {
    let ssl: OpaquePointer
    let buffers: CiphertextBuffers
    private var failure: TLSError?
    private var sentCloseNotify = false
    var receivedCloseNotify = false

    /// True once the handshake has completed on our side.
    package private(set) var isHandshakeComplete = false
    /// The verified peer certificate's subject, available once the handshake is complete; nil if the
    /// peer presented no certificate (a client of a server that does not ask for one).
    package private(set) var peerIdentity: PeerIdentity?

    init(takingOwnershipOf ssl: OpaquePointer) throws(TLSError) {
        let buffers = CiphertextBuffers()
        guard let bio = CiphertextBIO.make(for: buffers) else {
            let error = TLSError.drain(.configuration, "cannot allocate the connection's BIO")
            SSL_free(ssl)
            throw error
        }
        SSL_set_bio(ssl, bio, bio)  // one reference, now owned by the SSL
        self.ssl = ssl
        self.buffers = buffers
    }

    deinit { SSL_free(ssl) }

    /// The negotiated protocol version ("TLSv1.3") once the handshake is complete, else nil.
    package var protocolVersion: String? {
        guard isHandshakeComplete, let version = SSL_get_version(ssl) else { return nil }
        return String(cString: version)
    }

    /// Whether ``takeCiphertext(into:)`` has bytes to hand out.
    package var hasCiphertextToSend: Bool { !buffers.outbound.isEmpty }

    /// Queues bytes read from the socket (copied; the buffer may be reused as soon as this returns).
    package func receiveCiphertext(_ bytes: UnsafeRawBufferPointer) {
        buffers.receive(bytes)
    }

    /// Appends the ciphertext waiting to be written to the socket to `buffer` (nothing if none).
    package func takeCiphertext(into buffer: inout [UInt8]) {
        buffers.takeOutbound(into: &buffer)
    }

    /// Advances the handshake with the ciphertext received so far.
    ///
    /// Call it again after more bytes arrive, and collect output with ``takeCiphertext(into:)`` after
    /// every call, including a failing one (it may have queued an alert for the peer).
    /// - Returns: true once the handshake is complete (and on every later call), false while it
    ///   needs more bytes from the peer.
    /// - Throws: `TLSError` with code `.handshakeFailed` or `.peerCertificateRejected` (the same error
    ///   again on later calls).
    package func handshake() throws(TLSError) -> Bool {
        if isHandshakeComplete { return true }
        if let failure { throw failure }
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            isHandshakeComplete = true
            peerIdentity = verifiedPeerIdentity()
            return true
        }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return false
        default:
            let error = TLSError.connectionFailure(ssl: ssl, during: "TLS handshake", handshakeCode: .handshakeFailed)
            failure = error
            throw error
        }
    }

    /// Queues a close_notify alert for the peer (collect it with ``takeCiphertext(into:)``). Later
    /// writes throw `.closed`. Does nothing if already closed or if the handshake never completed.
    package func close() {
        guard !sentCloseNotify else { return }
        sentCloseNotify = true
        guard isHandshakeComplete, failure == nil else { return }
        ERR_clear_error()
        _ = SSL_shutdown(ssl)  // 0: our close_notify is queued; we do not wait for the peer's
        ERR_clear_error()
    }

    /// Records a fatal error: every later read or write throws it again.
    func fail(_ error: TLSError) -> TLSError {
        failure = error
        return error
    }

    /// Throws if application data cannot flow: handshake unfinished, failed earlier, or closed by us.
    func checkReady(forWriting: Bool) throws(TLSError) {
        if let failure { throw failure }
        guard isHandshakeComplete else {
            throw TLSError(.invalidState, "application data before the TLS handshake completed")
        }
        if forWriting && sentCloseNotify { throw TLSError(.closed, "write after close()") }
    }

    private func verifiedPeerIdentity() -> PeerIdentity? {
        guard SSL_get_verify_result(ssl) == X509_V_OK, let certificate = SSL_get0_peer_certificate(ssl) else {
            return nil
        }
        return PeerIdentity(borrowing: certificate)
    }
}
