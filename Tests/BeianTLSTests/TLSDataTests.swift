import BeianTLS
import TestSupport
import Testing

@Suite("TLS application data and closing")
struct TLSDataTests {
    let certificates = TestCertificates.shared

    private func establishedPair() throws -> InMemoryTLSPair {
        let pair = try InMemoryTLSPair(
            client: certificates.clientConfiguration(identity: certificates.client),
            server: certificates.serverConfiguration())
        pair.interact()
        try #require(pair.isEstablished)
        return pair
    }

    @Test("a 1 MiB payload crosses both ways intact")
    func largePayload() throws {
        let pair = try establishedPair()
        let payload = SecureRandom.bytes(count: 1 << 20)
        try pair.client.connection.write(payload)
        #expect(pair.client.connection.hasCiphertextToSend)
        pair.interact()
        #expect(pair.server.received == payload)

        try pair.server.connection.write(pair.server.received.reversed())
        pair.interact()
        #expect(pair.client.received == payload.reversed())
        #expect(!pair.client.connection.hasCiphertextToSend)
        #expect(!pair.server.connection.hasCiphertextToSend)
    }

    @Test("many small writes arrive complete and in order")
    func manySmallWrites() throws {
        let pair = try establishedPair()
        var expected: [UInt8] = []
        for index in 0..<2_000 {
            let message = Array("消息 \(index);".utf8)
            expected += message
            try pair.client.connection.write(message)
            if index % 97 == 0 { pair.interact() }  // sometimes deliver mid-stream
        }
        pair.interact()
        #expect(pair.server.received == expected)
    }

    @Test("readPlaintext appends to the buffer and reports how many bytes it added")
    func readAppends() throws {
        let pair = try establishedPair()
        try pair.client.connection.write([1, 2, 3])
        var ciphertext: [UInt8] = []
        pair.client.connection.takeCiphertext(into: &ciphertext)
        ciphertext.withUnsafeBytes { pair.server.connection.receiveCiphertext($0) }
        var buffer: [UInt8] = [9, 9]
        #expect(try pair.server.connection.readPlaintext(into: &buffer) == .bytes(3))
        #expect(buffer == [9, 9, 1, 2, 3])
        #expect(try pair.server.connection.readPlaintext(into: &buffer) == .wantMore)
        #expect(buffer == [9, 9, 1, 2, 3])
    }

    @Test("close_notify is read as .closed by the peer; writing after close is refused")
    func closeNotify() throws {
        let pair = try establishedPair()
        try pair.client.connection.write(Array("last words".utf8))
        pair.client.connection.close()
        #expect(pair.client.connection.hasCiphertextToSend)
        pair.interact()
        #expect(pair.server.received == Array("last words".utf8))
        #expect(pair.server.sawClose)
        var buffer: [UInt8] = []
        #expect(try pair.server.connection.readPlaintext(into: &buffer) == .closed)
        #expect(throws: TLSError(.closed)) { try pair.client.connection.write([1]) }

        pair.server.connection.close()
        pair.interact()
        #expect(pair.client.sawClose)
        #expect(pair.client.error == nil && pair.server.error == nil)
    }

    @Test("application data before the handshake completes is refused")
    func dataBeforeHandshake() throws {
        let client = try TLSContext(certificates.clientConfiguration(identity: certificates.client)).makeConnection()
        #expect(throws: TLSError(.invalidState)) { try client.write([1, 2, 3]) }
        var buffer: [UInt8] = []
        #expect(throws: TLSError(.invalidState)) { try client.readPlaintext(into: &buffer) }
        #expect(client.protocolVersion == nil)
        #expect(client.peerIdentity == nil)
        #expect(!client.hasCiphertextToSend)
        #expect(try client.handshake() == false)
        #expect(client.hasCiphertextToSend)  // the ClientHello
    }

    @Test("a corrupted record after the handshake is an error, not a crash")
    func corruptedRecord() throws {
        let pair = try establishedPair()
        try pair.client.connection.write(Array("hello".utf8))
        var ciphertext: [UInt8] = []
        pair.client.connection.takeCiphertext(into: &ciphertext)
        ciphertext[ciphertext.count - 3] ^= 0xff  // inside the authentication tag
        ciphertext.withUnsafeBytes { pair.server.connection.receiveCiphertext($0) }
        var buffer: [UInt8] = []
        #expect(throws: TLSError(.protocolViolation)) { try pair.server.connection.readPlaintext(into: &buffer) }
        #expect(buffer.isEmpty)
        #expect(throws: TLSError(.protocolViolation)) { try pair.server.connection.write([1]) }
    }
}
