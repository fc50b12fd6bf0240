import COpenSSL

/// An error from OpenSSL: the operation that failed and every entry of OpenSSL's thread-local
/// error queue at that moment, drained so the next call starts clean.
package struct OpenSSLError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What we were doing (e.g. "SSL_CTX_use_PrivateKey_file").
    package var operation: String
    /// OpenSSL's own messages, oldest first (e.g. "error:0A000086:SSL routines::certificate verify failed").
    package var messages: [String]

    package init(operation: String, messages: [String]) {
        self.operation = operation
        self.messages = messages
    }

    /// Builds an error for `operation` from OpenSSL's error queue, emptying the queue.
    package static func drain(_ operation: String) -> OpenSSLError {
        OpenSSLError(operation: operation, messages: drainErrorQueue())
    }

    /// Empties OpenSSL's thread-local error queue, returning its messages oldest first.
    package static func drainErrorQueue() -> [String] {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages
    }

    package var description: String {
        messages.isEmpty ? "\(operation) failed" : "\(operation) failed: \(messages.joined(separator: "; "))"
    }
}
