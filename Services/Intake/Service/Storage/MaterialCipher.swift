import BeianStore
import BeianTLS
import Foundation

/// Encryption at rest of material bytes (ID card copies are sensitive personal information).
///
/// The key is derived from intake's field-encryption master key (`BEIAN_FIELD_KEY`) as
/// `HMAC-SHA-256(master, "beian.intake.material.v1")`, so one key file protects both personal
/// numbers and scans. Each chunk is sealed with AES-256-GCM, with its content hash and position as
/// associated data: a chunk moved to another blob or position does not open.
package struct MaterialCipher: Sendable {
    private let key: [UInt8]

    /// A cipher from the 32-byte master key.
    package init(masterKey: [UInt8]) {
        key = HMACSHA256.authenticate(Array("beian.intake.material.v1".utf8), key: masterKey)
    }

    /// A cipher from the field key file (64 hex digits or 32 raw bytes), read synchronously at start.
    package init(keyFile path: String) throws {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw StoreError(.keyFile, "field-encryption key file \(path) cannot be read")
        }
        if contents.count == AESGCM.keyByteCount {
            self.init(masterKey: [UInt8](contents))
            return
        }
        let text = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count == 2 * AESGCM.keyByteCount, let master = Hex.decode(text) else {
            throw StoreError(.keyFile, "field-encryption key file \(path) holds neither 64 hex digits nor 32 bytes")
        }
        self.init(masterKey: master)
    }

    /// Seals chunk `index` of the blob `sha256`.
    package func seal(_ chunk: [UInt8], sha256: String, index: Int) throws -> [UInt8] {
        do {
            return try AESGCM.seal(chunk, key: key, associatedData: aad(sha256, index))
        } catch {
            throw StoreError(.sealedField, "could not seal chunk \(index) of material \(sha256): \(error)")
        }
    }

    /// Opens chunk `index` of the blob `sha256`.
    package func open(_ box: [UInt8], sha256: String, index: Int) throws -> [UInt8] {
        do {
            return try AESGCM.open(box, key: key, associatedData: aad(sha256, index))
        } catch {
            throw StoreError(.sealedField, "chunk \(index) of material \(sha256) does not open: wrong key or "
                + "altered bytes")
        }
    }

    private func aad(_ sha256: String, _ index: Int) -> [UInt8] {
        Array("material_blob_chunk:\(sha256):\(index)".utf8)
    }
}
