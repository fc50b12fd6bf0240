import BeianTLS
import Foundation

extension FieldCipher {
    /// A cipher from a key file holding the 32-byte master key as 64 hexadecimal digits (one line;
    /// surrounding whitespace ignored) or as exactly 32 raw bytes. Keep the file mode 0600, out of
    /// backups of the database, and never in the repository. Reads the file synchronously: call it
    /// at start-up, not on the cooperative pool while serving.
    ///
    /// - Throws: `StoreError.keyFile` if the file is missing, unreadable, or holds anything else.
    package init(keyFile path: String, normalizeForLookup: @escaping @Sendable (String) -> String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.keyFile, "field-encryption key file \(path) does not exist; create one with FieldCipher.createKeyFile(at:)")
        }
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw StoreError(.keyFile, "field-encryption key file \(path) cannot be read (check its owner and mode)")
        }
        try self.init(masterKey: try Self.parseKey(contents, path: path), normalizeForLookup: normalizeForLookup)
    }

    /// Writes a new random master key as 64 hex digits and a newline to a new file of mode 0600.
    /// Refuses to overwrite an existing file (that would make every sealed value unreadable).
    package static func createKeyFile(at path: String) throws {
        let descriptor = createExclusively(path)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it already exists" : String(cString: strerror(errno))
            throw StoreError(.keyFile, "cannot create field-encryption key file \(path): \(reason)")
        }
        defer { close(descriptor) }
        let text = Array((Hex.encode(SecureRandom.bytes(count: AESGCM.keyByteCount)) + "\n").utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == text.count, fsync(descriptor) == 0 else {
            throw StoreError(.keyFile, "cannot write field-encryption key file \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func parseKey(_ contents: Data, path: String) throws -> [UInt8] {
        if contents.count == AESGCM.keyByteCount { return [UInt8](contents) }
        let text = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count == 2 * AESGCM.keyByteCount, let key = Hex.decode(text) { return key }
        throw StoreError(.keyFile, """
            field-encryption key file \(path) must hold 64 hexadecimal digits (or 32 raw bytes); \
            it holds \(contents.count) bytes that are neither
            """)
    }
}

/// Creates a new file readable and writable by its owner only (outside the extension, where
/// `open` would mean `FieldCipher.open`).
private func createExclusively(_ path: String) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
}
