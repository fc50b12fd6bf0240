import BeianTLS

/// Where a client connects and how it behaves.
package struct ClientConfiguration: Sendable {
    /// Server host name or address, and port.
    package var host: String
    package var port: Int
    /// Trust roots, the expected server name, and an optional client certificate (mutual TLS).
    package var tls: TLSConfiguration
    /// Timeout for calls that set none (nil: no deadline unless one is inherited).
    package var defaultTimeout: Duration? = nil
    /// Largest frame accepted from the server.
    package var maximumFrameLength: Int = 4 << 20
    /// Time allowed for TCP connect plus the TLS handshake.
    package var connectTimeout: Duration = .seconds(5)
    /// Reconnect backoff: the first retry waits `initialBackoff`, each failure multiplies the
    /// wait by `backoffMultiplier` up to `maximumBackoff`, with ±20 % jitter.
    package var initialBackoff: Duration = .milliseconds(100)
    package var maximumBackoff: Duration = .seconds(5)
    package var backoffMultiplier: Double = 2

    package init(host: String, port: Int, tls: TLSConfiguration) {
        self.host = host
        self.port = port
        self.tls = tls
    }

    /// Parses "host:port" (or "[v6]:port").
    package init(target: String, tls: TLSConfiguration) throws(RPCError) {
        let (host, port) = try Self.parse(target: target)
        self.init(host: host, port: port, tls: tls)
    }

    package static func parse(target: String) throws(RPCError) -> (host: String, port: Int) {
        var text = Substring(target)
        var host: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw RPCError(.invalidArgument, "address \"\(target)\" must look like host:port")
            }
            host = text[text.index(after: text.startIndex)..<close]
            text = text[text.index(after: close)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else {
                throw RPCError(.invalidArgument, "address \"\(target)\" must look like host:port")
            }
            host = text[..<colon]
            text = text[colon...]
        }
        guard text.hasPrefix(":"), let port = Int(text.dropFirst()), (1...65535).contains(port), !host.isEmpty else {
            throw RPCError(.invalidArgument, "address \"\(target)\" must look like host:port with a port from 1 to 65535")
        }
        return (String(host), port)
    }
}

/// Per-call options.
package struct CallOptions: Sendable {
    /// Request metadata (headers).
    package var metadata: [String: String]
    /// The call's timeout. The effective deadline is the earliest of this, the configuration's
    /// default, and the deadline of the handler this call is made from (propagation).
    package var timeout: Duration?

    package init(metadata: [String: String] = [:], timeout: Duration? = nil) {
        self.metadata = metadata
        self.timeout = timeout
    }
}
