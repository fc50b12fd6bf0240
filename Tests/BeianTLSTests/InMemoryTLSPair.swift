import BeianTLS
import TestSupport

/// A client and a server engine joined in memory: ciphertext taken from one side is fed to the other
/// (optionally in small pieces) until neither has anything left to send.
final class InMemoryTLSPair {
    /// One side: its engine, what it decrypted, whether it saw close_notify, and its first error.
    final class Side {
        let connection: TLSConnection
        var received: [UInt8] = []
        var sawClose = false
        var error: TLSError?

        init(_ connection: TLSConnection) { self.connection = connection }

        /// Drives the handshake, then reads everything available; records the first error.
        func step() {
            guard error == nil else { return }
            do {
                guard try connection.handshake() else { return }
                while !sawClose {
                    switch try connection.readPlaintext(into: &received) {
                    case .bytes: continue
                    case .wantMore: return
                    case .closed: sawClose = true
                    }
                }
            } catch {
                self.error = error
            }
        }
    }

    let client: Side
    let server: Side
    /// Ciphertext is delivered in pieces of at most this many bytes (nil: all at once).
    let pieceSize: Int?

    init(client: TLSConfiguration, server: TLSConfiguration, pieceSize: Int? = nil) throws {
        self.client = Side(try TLSContext(client).makeConnection())
        self.server = Side(try TLSContext(server).makeConnection())
        self.pieceSize = pieceSize
    }

    /// Steps both sides and moves ciphertext between them until both are idle.
    func interact() {
        var moved = true
        while moved {
            client.step()
            server.step()
            let toServer = move(from: client, to: server)
            let toClient = move(from: server, to: client)
            moved = toServer || toClient
        }
    }

    /// Both handshakes completed and neither side failed.
    var isEstablished: Bool {
        client.connection.isHandshakeComplete && server.connection.isHandshakeComplete
            && client.error == nil && server.error == nil
    }

    private func move(from source: Side, to destination: Side) -> Bool {
        var bytes: [UInt8] = []
        source.connection.takeCiphertext(into: &bytes)
        guard !bytes.isEmpty else { return false }
        let size = pieceSize ?? bytes.count
        var start = 0
        while start < bytes.count {
            let end = min(start + size, bytes.count)
            bytes[start..<end].withUnsafeBytes { destination.connection.receiveCiphertext($0) }
            if pieceSize != nil { destination.step() }
            start = end
        }
        return true
    }
}

extension TLSConnection {
    /// Test convenience: encrypts `bytes`.
    func write(_ bytes: [UInt8]) throws(TLSError) {
        var failure: TLSError?
        bytes.withUnsafeBytes { raw in
            do throws(TLSError) { try writePlaintext(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
