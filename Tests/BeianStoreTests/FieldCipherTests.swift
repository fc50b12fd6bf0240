import BeianStore
import Foundation
import Testing

@Suite("Field encryption of sensitive personal information")
struct FieldCipherTests {
    /// A stand-in for BeianModel's TextNormalization.code: full-width to ASCII, no spaces, uppercase.
    static let normalize: @Sendable (String) -> String = { value in
        String(String.UnicodeScalarView(value.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar.properties.isWhitespace { return nil }
            if (0xFF01...0xFF5E).contains(scalar.value) { return Unicode.Scalar(scalar.value - 0xFEE0) }
            return scalar
        })).uppercased()
    }

    static let people = Migration("test.v1.sensitive", sql: """
        CREATE TABLE operator (
            id INTEGER PRIMARY KEY,
            id_number_box BLOB NOT NULL,
            id_number_lookup BLOB NOT NULL,
            mobile_box BLOB NOT NULL
        ) STRICT;
        CREATE INDEX operator_id_number ON operator (id_number_lookup)
        """)

    @Test("the plaintext never reaches the database or WAL file; it decrypts back and the look-up hash finds it")
    func atRest() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keyPath = directory.file("field.key")
        try FieldCipher.createKeyFile(at: keyPath)
        let mode = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let cipher = try FieldCipher(keyFile: keyPath, normalizeForLookup: Self.normalize)
        let idNumber = "11010519491231002X"
        let mobile = "13800138000"

        let path = directory.file("pii.sqlite")
        let store = try await Store.open(path: path, migrations: [Self.people])
        try await store.write { db in
            try db.execute(
                "INSERT INTO operator (id_number_box, id_number_lookup, mobile_box) VALUES (?, ?, ?)",
                [try cipher.seal(idNumber, purpose: "operator.id_number"),
                 cipher.lookupHash(idNumber, purpose: "operator.id_number"),
                 try cipher.seal(mobile, purpose: "operator.mobile")])
        }
        for file in [path, path + "-wal"] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.range(of: Data(idNumber.utf8)) == nil, "ID number in clear in \(file)")
            #expect(bytes.range(of: Data(mobile.utf8)) == nil, "mobile in clear in \(file)")
        }

        // Typed full-width with spaces, as people paste it; normalization finds the same row.
        let typed = "１１０１０５ １９４９１２３１００２ｘ"
        let (box, mobileBox) = try await store.read { db in
            let row = try #require(try db.fetchOne(
                "SELECT id_number_box, mobile_box FROM operator WHERE id_number_lookup = ?",
                [cipher.lookupHash(typed, purpose: "operator.id_number")]))
            return (try row.decode([UInt8].self, at: 0), try row.decode([UInt8].self, at: 1))
        }
        #expect(try cipher.open(box, purpose: "operator.id_number") == idNumber)
        #expect(try cipher.open(mobileBox, purpose: "operator.mobile") == mobile)
        await store.close()
    }

    @Test("a wrong key, another column's purpose or altered bytes fail clearly")
    func wrongKey() throws {
        let cipher = try FieldCipher(masterKey: [UInt8](repeating: 1, count: 32), normalizeForLookup: Self.normalize)
        let other = try FieldCipher(masterKey: [UInt8](repeating: 2, count: 32), normalizeForLookup: Self.normalize)
        var box = try cipher.seal("13800138000", purpose: "operator.mobile")
        let again = try cipher.seal("13800138000", purpose: "operator.mobile")
        #expect(box != again, "a fresh nonce per seal")
        for attempt in [
            { try other.open(box, purpose: "operator.mobile") },
            { try cipher.open(box, purpose: "operator.id_number") },
        ] {
            let error = try #require(throws: StoreError.self) { _ = try attempt() }
            #expect(error.code == .sealedField && error.message.contains("wrong field-encryption key"))
        }
        box[box.count / 2] ^= 1
        #expect(throws: StoreError.self) { try cipher.open(box, purpose: "operator.mobile") }
        #expect(cipher.lookupHash("a", purpose: "p") != other.lookupHash("a", purpose: "p"))
        #expect(cipher.lookupHash("a", purpose: "p") != cipher.lookupHash("a", purpose: "q"))
    }

    @Test("missing, malformed and short key files are refused with a clear message")
    func keyFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missing = try #require(throws: StoreError.self) {
            try FieldCipher(keyFile: directory.file("none.key"), normalizeForLookup: Self.normalize)
        }
        #expect(missing.code == .keyFile && missing.message.contains("does not exist"))
        for (name, contents) in [("short.key", "abcd\n"), ("nothex.key", String(repeating: "zz", count: 32))] {
            _ = FileManager.default.createFile(atPath: directory.file(name), contents: Data(contents.utf8))
            let error = try #require(throws: StoreError.self) {
                try FieldCipher(keyFile: directory.file(name), normalizeForLookup: Self.normalize)
            }
            #expect(error.code == .keyFile && error.message.contains("64 hexadecimal digits"))
        }
        let raw = directory.file("raw.key")
        _ = FileManager.default.createFile(atPath: raw, contents: Data(repeating: 7, count: 32))
        let fromRaw = try FieldCipher(keyFile: raw, normalizeForLookup: Self.normalize)
        let direct = try FieldCipher(masterKey: [UInt8](repeating: 7, count: 32), normalizeForLookup: Self.normalize)
        #expect(try direct.open(try fromRaw.seal("甲", purpose: "p"), purpose: "p") == "甲")
        let existing = try #require(throws: StoreError.self) { try FieldCipher.createKeyFile(at: raw) }
        #expect(existing.message.contains("already exists"))
    }
}
