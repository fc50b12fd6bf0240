import BeianTLS

/// Everything a server needs to listen and its limits. Defaults are safe for production.
package struct ServerConfiguration: Sendable {
    /// Address to bind (default 127.0.0.1) and port (0 = an ephemeral port chosen by the system).
    package var host: String = "127.0.0.1"
    package var port: Int = 0
    /// Certificate, key and (for mutual TLS) client CA; TLS 1.3 only.
    package var tls: TLSConfiguration
    /// Event-loop threads.
    package var loopCount: Int = EventLoopGroup.defaultLoopCount
    /// Largest frame accepted or sent (bytes of JSON after the length prefix).
    package var maximumFrameLength: Int = 4 << 20
    /// Calls in flight on one connection; more get RESOURCE_EXHAUSTED.
    package var maximumConcurrentCallsPerConnection: Int = 1024
    /// Connections at once; more are closed right after accept (and logged).
    package var maximumConnections: Int = 10_000
    /// A client must complete the TLS handshake within this time.
    package var handshakeTimeout: Duration = .seconds(10)
    /// A connection with no call in flight for this long is closed with a goaway.
    package var idleTimeout: Duration = .seconds(300)
    /// How often the server pings a connection with calls in flight, and how long it waits for the pong.
    package var keepaliveInterval: Duration = .seconds(30)
    package var keepaliveTimeout: Duration = .seconds(10)
    /// On graceful shutdown, in-flight calls get this long to finish before they are cancelled.
    package var shutdownGracePeriod: Duration = .seconds(10)
    /// Whether to answer `beian.echo.v1.Echo` (diagnostics and benchmarks).
    package var enableEchoService: Bool = true

    package init(tls: TLSConfiguration) {
        self.tls = tls
    }
}
