import Testing
import BeianTLS

@Suite("Crypto primitives")
struct CryptoPrimitiveTests {
    @Test("SHA-256 of known inputs")
    func sha256() {
        #expect(SHA256.hexHash(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexHash(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let hasher = SHA256Hasher()
        hasher.update(Array("a".utf8)); hasher.update(Array("bc".utf8))
        #expect(Hex.encode(hasher.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("HMAC-SHA-256 RFC 4231 case 2")
    func hmac() {
        let mac = HMACSHA256.authenticate(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("AES-256-GCM round trip; tampering, wrong key and wrong AAD refused")
    func aesGCM() throws {
        let key = SecureRandom.bytes(count: 32)
        let message = Array("110101199003071234".utf8)
        let box = try AESGCM.seal(message, key: key, associatedData: [1, 2])
        #expect(box.count == 12 + message.count + 16)
        #expect(try AESGCM.open(box, key: key, associatedData: [1, 2]) == message)
        #expect(try AESGCM.seal(message, key: key) != AESGCM.seal(message, key: key))
        var tampered = box
        tampered[14] ^= 1
        #expect(throws: AESGCM.Failure.self) { try AESGCM.open(tampered, key: key, associatedData: [1, 2]) }
        #expect(throws: AESGCM.Failure.self) { try AESGCM.open(box, key: SecureRandom.bytes(count: 32), associatedData: [1, 2]) }
        #expect(throws: AESGCM.Failure.self) { try AESGCM.open(box, key: key) }
        #expect(throws: AESGCM.Failure.self) { try AESGCM.seal(message, key: [1, 2, 3]) }
    }

    @Test("hex round trip")
    func hex() {
        #expect(Hex.encode([0, 15, 255]) == "000fff")
        #expect(Hex.decode("000FfF") == [0, 15, 255])
        #expect(Hex.decode("0") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
