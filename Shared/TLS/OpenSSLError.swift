import COpenSSL
import Glibc

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
        drainEntries().map(\.message)
    }

    /// One entry of OpenSSL's error queue: the packed code, its reason text and the full message.
    package struct Entry: Sendable, Equatable {
        /// The packed error code (library and reason), as `ERR_get_error` returned it.
        package var code: UInt
        /// The reason alone (e.g. "certificate verify failed"), or the full message if OpenSSL has none.
        package var reason: String
        /// The full message (e.g. "error:0A000086:SSL routines::certificate verify failed").
        package var message: String

        /// The reason number within its library (e.g. `SSL_R_UNSUPPORTED_PROTOCOL`).
        package var reasonCode: Int32 { beian_ERR_GET_REASON(code) }
        /// The library number (e.g. `ERR_LIB_SSL`).
        package var library: Int32 { beian_ERR_GET_LIB(code) }
    }

    /// Empties OpenSSL's thread-local error queue, returning its entries oldest first.
    package static func drainEntries() -> [Entry] {
        var entries: [Entry] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let reason: String
            if let text = ERR_reason_error_string(code) {
                reason = String(cString: text)
            } else if beian_ERR_GET_LIB(code) == ERR_LIB_SYS {
                reason = String(cString: strerror(beian_ERR_GET_REASON(code)))  // the reason is an errno
            } else {
                reason = message
            }
            entries.append(Entry(code: code, reason: reason, message: message))
        }
        return entries
    }

    package var description: String {
        messages.isEmpty ? "\(operation) failed" : "\(operation) failed: \(messages.joined(separator: "; "))"
    }
}
