/// An error from the TLS layer: loading certificates and keys, handshakes, records, minting.
///
/// It carries a ``Code`` (compare against it; equality looks at the code only, so a test can write
/// `#expect(throws: TLSError(.handshakeFailed))`), our own message (naming the file or the step),
/// a short `reason` fit for a log line ("certificate has expired", "unsupported protocol",
/// "peer did not return a certificate") and every message OpenSSL had queued at the time.
package struct TLSError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What kind of failure this is. A struct over a private enum so codes can be added later.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String, Hashable, Sendable {
            case configuration, certificateFile, privateKeyFile, handshakeFailed, peerCertificateRejected
            case alertReceived, protocolViolation, invalidState, closed, issuance
        }

        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// Settings that cannot work together, or a setting OpenSSL refused.
        package static let configuration = Code(.configuration)
        /// A certificate or CA file is missing, unreadable, or not a PEM certificate.
        package static let certificateFile = Code(.certificateFile)
        /// A private key file is missing, unreadable, not a PEM key, or does not match its certificate.
        package static let privateKeyFile = Code(.privateKeyFile)
        /// The handshake failed (no common protocol version, a fatal alert from the peer, garbage bytes...).
        package static let handshakeFailed = Code(.handshakeFailed)
        /// We checked the peer's certificate and refused it, or the peer sent none when one was required.
        package static let peerCertificateRejected = Code(.peerCertificateRejected)
        /// The peer sent a fatal alert after our side had finished the handshake (e.g. a TLS 1.3 server
        /// refusing our client certificate).
        package static let alertReceived = Code(.alertReceived)
        /// Malformed or unexpected TLS records after the handshake.
        package static let protocolViolation = Code(.protocolViolation)
        /// The engine was used out of order (e.g. writing application data before the handshake finished).
        package static let invalidState = Code(.invalidState)
        /// Writing after `close()` was called.
        package static let closed = Code(.closed)
        /// Minting a key or certificate, or writing its PEM files, failed.
        package static let issuance = Code(.issuance)

        package var description: String { wrapped.rawValue }
    }

    /// What kind of failure this is.
    package var code: Code
    /// What we were doing, in our words (e.g. "cannot load certificate chain from '/etc/beian/server.pem'").
    package var message: String
    /// The short cause for a log line: the certificate verification result if one failed, otherwise
    /// the reason of OpenSSL's first queued error (e.g. "unsupported protocol"); nil if unknown.
    package var reason: String?
    /// Every message OpenSSL had queued, oldest first.
    package var openSSLMessages: [String]
    /// The TLS alert the peer sent (RFC 8446 §6: 42 bad_certificate, 116 certificate_required, …), if any.
    package var receivedAlert: Int32?

    /// Whether the peer refused the certificate we presented, or our lack of one: an alert about
    /// certificates or access (bad, unsupported, revoked, expired or unknown certificate, unknown
    /// CA, access denied, certificate required). Our credentials, not the peer's availability.
    package var peerRefusedOurCredentials: Bool {
        guard let receivedAlert else { return false }
        return [42, 43, 44, 45, 46, 48, 49, 116].contains(receivedAlert)
    }

    /// Makes an error; `code` alone is enough to build an expected value for comparison.
    package init(_ code: Code, _ message: String = "", reason: String? = nil, openSSLMessages: [String] = []) {
        self.code = code
        self.message = message
        self.reason = reason
        self.openSSLMessages = openSSLMessages
    }

    /// Equality by code only.
    package static func == (lhs: TLSError, rhs: TLSError) -> Bool { lhs.code == rhs.code }

    package var description: String {
        var text = "TLSError.\(code): \(message.isEmpty ? "\(code)" : message)"
        if let reason { text += ": \(reason)" }
        if !openSSLMessages.isEmpty { text += " (OpenSSL: \(openSSLMessages.joined(separator: "; ")))" }
        return text
    }
}
