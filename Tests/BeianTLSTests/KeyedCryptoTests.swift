import BeianTLS
import Testing

@Suite("Keys set up once: AES-256-GCM and HMAC-SHA-256 with reused contexts")
struct KeyedCryptoTests {
    @Test("HMAC key: RFC 4231 case 2, and the same MACs as the one-shot function for many messages")
    func hmacKey() {
        let jefe = HMACSHA256Key(Array("Jefe".utf8))
        #expect(Hex.encode(jefe.authenticate(Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // A key longer than SHA-256's block is hashed first (RFC 4231 case 6).
        let long = HMACSHA256Key([UInt8](repeating: 0xAA, count: 131))
        #expect(Hex.encode(long.authenticate(Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        let key = SecureRandom.bytes(count: 32)
        let keyed = HMACSHA256Key(key)
        for length in [0, 1, 31, 32, 63, 64, 65, 200, 4_096] {
            let message = SecureRandom.bytes(count: length)
            // Twice: the second use re-arms a context that already computed a MAC.
            #expect(keyed.authenticate(message) == HMACSHA256.authenticate(message, key: key), "\(length) bytes")
            #expect(keyed.authenticate(message) == HMACSHA256.authenticate(message, key: key), "\(length) bytes again")
        }
    }

    @Test("AES-GCM key: boxes open with the one-shot functions both ways; tampering, wrong AAD and wrong key refused")
    func aesKey() throws {
        let bytes = SecureRandom.bytes(count: 32)
        let key = try AESGCMKey(bytes)
        for length in [0, 1, 15, 16, 17, 526, 1_543, 70_000] {
            let message = SecureRandom.bytes(count: length)
            let box = try key.seal(message, associatedData: Array("filing_state.state_box".utf8))
            #expect(box.count == 12 + length + 16)
            #expect(try AESGCM.open(box, key: bytes, associatedData: Array("filing_state.state_box".utf8)) == message)
            #expect(try key.open(box, associatedData: Array("filing_state.state_box".utf8)) == message)
            let old = try AESGCM.seal(message, key: bytes, associatedData: [7])
            #expect(try key.open(old, associatedData: [7]) == message)
            #expect(try key.open(try key.seal(message)) == message)
        }
        let message = Array("110101199003071234".utf8)
        let box = try key.seal(message, associatedData: [1, 2])
        #expect(try key.seal(message, associatedData: [1, 2]) != box)
        var tampered = box
        tampered[14] ^= 1
        #expect(throws: AESGCM.Failure.self) { try key.open(tampered, associatedData: [1, 2]) }
        #expect(throws: AESGCM.Failure.self) { try key.open(box, associatedData: [1, 3]) }
        #expect(throws: AESGCM.Failure.self) { try AESGCMKey(SecureRandom.bytes(count: 32)).open(box, associatedData: [1, 2]) }
        #expect(throws: AESGCM.Failure.self) { try key.open(Array(box.prefix(27))) }
        #expect(throws: AESGCM.Failure.self) { try AESGCMKey([1, 2, 3]) }
        // After refusals the key still works.
        #expect(try key.open(box, associatedData: [1, 2]) == message)
    }

    @Test("one key used from many tasks at once gives correct results")
    func concurrentUse() async throws {
        let bytes = SecureRandom.bytes(count: 32)
        let key = try AESGCMKey(bytes)
        let mac = HMACSHA256Key(bytes)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<16 {
                group.addTask {
                    for round in 0..<200 {
                        let message = Array("task \(task) round \(round)".utf8)
                        let box = try key.seal(message, associatedData: [UInt8(task)])
                        #expect(try key.open(box, associatedData: [UInt8(task)]) == message)
                        #expect(mac.authenticate(message) == HMACSHA256.authenticate(message, key: bytes))
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

@Suite("Secure random bytes, small requests served from a buffer")
struct SecureRandomTests {
    @Test("every request gets bytes of its own: no repeats across buffer refills or between tasks, balanced bits")
    func freshBytes() async {
        for count in [1, 12, 63, 64, 65, 4_096, 10_000] {
            #expect(SecureRandom.bytes(count: count).count == count)
        }
        #expect(SecureRandom.bytes(count: 0).isEmpty)
        // 16 tasks × 1,000 nonces of 12 bytes = 192 KB: dozens of refills of the 4 KiB buffer.
        let nonces = await withTaskGroup(of: [[UInt8]].self) { group in
            for _ in 0..<16 {
                group.addTask { (0..<1_000).map { _ in SecureRandom.bytes(count: 12) } }
            }
            var all: [[UInt8]] = []
            for await part in group { all += part }
            return all
        }
        #expect(Set(nonces).count == nonces.count, "a nonce was handed out twice")
        let ones = nonces.joined().reduce(0) { $0 + $1.nonzeroBitCount }
        let share = Double(ones) / Double(nonces.count * 12 * 8)
        #expect(share > 0.49 && share < 0.51, "share of 1 bits: \(share)")
    }
}
