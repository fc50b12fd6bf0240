import COpenSSL

/// What ``TLSConnection/readPlaintext(into:)`` produced.
package enum TLSReadResult: Sendable, Hashable {
    /// This many decrypted bytes were appended to the buffer.
    case bytes(Int)
    /// No complete record yet: wait for more ciphertext from the socket.
    case wantMore
    /// The peer sent close_notify: it will send no more data (answer with ``TLSConnection/close()``).
    case closed
}

extension TLSConnection {
    /// The largest plaintext one TLS record carries.
    private static let maximumRecordPlaintext = 16 * 1024
    /// Bytes a TLS 1.3 record adds to its plaintext: header, content type, AEAD tag.
    private static let recordOverhead = 5 + 1 + 16

    /// Decrypts every complete record received so far and appends the plaintext to `buffer`.
    ///
    /// Collect ciphertext with ``takeCiphertext(into:)`` afterwards: reading can queue responses
    /// (e.g. key updates). Grows `buffer` by no more than the ciphertext available.
    /// - Returns: `.bytes(n)` if n > 0 bytes were appended, `.wantMore` if none could be, `.closed` once
    ///   the peer's close_notify has been read (and every time after).
    /// - Throws: `TLSError` with code `.alertReceived` (e.g. the server refused our client certificate),
    ///   `.protocolViolation` (bad records), or `.invalidState` before the handshake completed.
    package func readPlaintext(into buffer: inout [UInt8]) throws(TLSError) -> TLSReadResult {
        try checkReady(forWriting: false)
        if receivedCloseNotify { return .closed }
        ERR_clear_error()
        var total = 0
        while true {
            // Plaintext never exceeds the ciphertext it comes from, so this bounds what one read yields.
            let available = buffers.inboundCount + Int(SSL_pending(ssl))
            guard available > 0 else { break }
            let chunk = min(available, Self.maximumRecordPlaintext)
            var produced = 0
            // Decrypt into scratch space, then append with one memcpy (growing the array element
            // by element is slow in debug builds).
            let result = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunk) { scratch -> Int32 in
                let result = SSL_read_ex(ssl, scratch.baseAddress!, chunk, &produced)
                if result == 1 { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<produced])) }
                return result
            }
            if result == 1 {
                total += produced
                continue
            }
            switch SSL_get_error(ssl, result) {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                return total > 0 ? .bytes(total) : .wantMore
            case SSL_ERROR_ZERO_RETURN:
                receivedCloseNotify = true
                return total > 0 ? .bytes(total) : .closed
            default:
                throw fail(TLSError.connectionFailure(ssl: ssl, during: "TLS read", handshakeCode: .protocolViolation))
            }
        }
        return total > 0 ? .bytes(total) : .wantMore
    }

    /// Encrypts all of `bytes` into TLS records (collect them with ``takeCiphertext(into:)``).
    /// - Throws: `TLSError` with code `.invalidState` before the handshake completed, `.closed` after
    ///   ``close()``, or `.protocolViolation` if OpenSSL refuses.
    package func writePlaintext(_ bytes: UnsafeRawBufferPointer) throws(TLSError) {
        try checkReady(forWriting: true)
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if bytes.count > Self.maximumRecordPlaintext {
            let records = (bytes.count + Self.maximumRecordPlaintext - 1) / Self.maximumRecordPlaintext
            buffers.reserveOutbound(bytes.count + records * Self.recordOverhead)
        }
        ERR_clear_error()
        var offset = 0
        while offset < bytes.count {
            var written = 0
            let result = SSL_write_ex(ssl, base + offset, bytes.count - offset, &written)
            guard result == 1 else {
                throw fail(TLSError.connectionFailure(ssl: ssl, during: "TLS write", handshakeCode: .protocolViolation))
            }
            offset += written
        }
    }
}
