import COpenSSL

extension TLSError {
    /// Builds an error from OpenSSL's error queue (draining it), using the first entry's reason.
    static func drain(_ code: Code, _ message: String) -> TLSError {
        let entries = OpenSSLError.drainEntries()
        return TLSError(code, message, reason: entries.first?.reason, openSSLMessages: entries.map(\.message))
    }

    /// Classifies a failed `SSL_do_handshake` or `SSL_read`, draining OpenSSL's error queue.
    ///
    /// - A failed certificate verification (ours of the peer) becomes `.peerCertificateRejected`
    ///   with `X509_verify_cert_error_string` as the reason ("certificate has expired").
    /// - A required but missing client certificate becomes `.peerCertificateRejected` too.
    /// - A fatal alert from the peer keeps `handshakeCode` during the handshake and becomes
    ///   `.alertReceived` afterwards (TLS 1.3 clients finish before the server checks them).
    static func connectionFailure(ssl: OpaquePointer, during step: String, handshakeCode: Code) -> TLSError {
        let entries = OpenSSLError.drainEntries()
        let messages = entries.map(\.message)
        let verifyResult = SSL_get_verify_result(ssl)
        if verifyResult != X509_V_OK {
            let text = String(cString: X509_verify_cert_error_string(verifyResult))
            return TLSError(.peerCertificateRejected, "\(step): peer certificate refused", reason: text,
                            openSSLMessages: messages)
        }
        let isSSL = { (entry: OpenSSLError.Entry) in entry.library == ERR_LIB_SSL }
        if entries.contains(where: { isSSL($0) && $0.reasonCode == SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE }) {
            return TLSError(.peerCertificateRejected, "\(step): peer certificate refused",
                            reason: "peer did not return a certificate", openSSLMessages: messages)
        }
        let alert = entries.first { isSSL($0) && Self.isReceivedAlert($0.reasonCode) }
        var error: TLSError
        if let alert, handshakeCode != .handshakeFailed {
            error = TLSError(.alertReceived, "\(step): the peer sent a fatal alert", reason: alert.reason,
                             openSSLMessages: messages)
        } else {
            let reason = alert?.reason ?? entries.first?.reason ?? "connection failed without an OpenSSL error"
            error = TLSError(handshakeCode, "\(step) failed", reason: reason, openSSLMessages: messages)
        }
        error.receivedAlert = alert.map { $0.reasonCode - SSL_AD_REASON_OFFSET }
        return error
    }

    /// OpenSSL reports an alert received from the peer as reason `SSL_AD_REASON_OFFSET + alert number`.
    private static func isReceivedAlert(_ reason: Int32) -> Bool {
        reason >= SSL_AD_REASON_OFFSET && reason < SSL_AD_REASON_OFFSET + 256
    }
}
