import BeianTLS

/// Limits on uploaded materials (材料大小限制).
package struct MaterialLimits: Sendable, Hashable {
    /// Largest file (`BEIAN_MATERIAL_MAX_BYTES`, default 10 MiB).
    package var perFile: Int
    /// Largest total of a filing's distinct files (`BEIAN_FILING_MATERIALS_MAX_BYTES`, default 50 MiB).
    package var perFiling: Int
    /// Largest chunk in one message (256 KiB decoded).
    package var chunk: Int

    /// The defaults.
    package static let standard = MaterialLimits(perFile: 10 << 20, perFiling: 50 << 20, chunk: 256 << 10)

    /// Creates limits.
    package init(perFile: Int, perFiling: Int, chunk: Int = 256 << 10) {
        self.perFile = perFile
        self.perFiling = perFiling
        self.chunk = chunk
    }
}

/// Why an upload was refused.
package struct MaterialUploadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    package enum Code: String, Sendable, Hashable {
        /// The file is over the per-file limit.
        case fileTooLarge = "file_too_large"
        /// The filing's materials would be over the per-filing limit.
        case filingTooLarge = "filing_too_large"
        /// One chunk is over the chunk limit.
        case chunkTooLarge = "chunk_too_large"
        /// Not PDF, JPEG or PNG.
        case unsupportedType = "unsupported_type"
        /// No bytes were sent.
        case empty
    }

    /// The code.
    package var code: Code
    /// The message in Chinese.
    package var zh: String
    /// The message in English.
    package var en: String

    /// Both, Chinese first (`中文 / English`).
    package var message: String { "\(zh) / \(en)" }

    /// Text for logs.
    package var description: String { "\(code.rawValue): \(message)" }
}

/// One file arriving in chunks (上传中的材料): hashes as it goes, recognizes the type from the
/// first bytes, and refuses as soon as a limit is crossed, so that at most one file (within the
/// per-file limit) is ever held.
package struct MaterialUpload {
    /// The limits applied.
    package let limits: MaterialLimits
    /// Bytes of the filing's other materials already stored (counted against the per-filing limit).
    package let alreadyStored: Int
    /// The bytes so far.
    package private(set) var bytes: [UInt8] = []
    /// The type, once known.
    package private(set) var mediaType: MaterialMediaType?
    private let hasher = SHA256Hasher()

    /// A new upload for a filing that already holds `alreadyStored` bytes of materials.
    package init(limits: MaterialLimits, alreadyStored: Int) {
        self.limits = limits
        self.alreadyStored = alreadyStored
    }

    /// Adds a chunk; throws the first limit or type problem it reveals.
    package mutating func append(_ chunk: [UInt8]) throws(MaterialUploadError) {
        guard chunk.count <= limits.chunk else {
            throw MaterialUploadError(code: .chunkTooLarge, zh: "单个分片\(chunk.count)字节，超过每条消息上限\(limits.chunk)字节",
                                      en: "a chunk holds \(chunk.count) bytes, more than the \(limits.chunk) allowed per message")
        }
        let total = bytes.count + chunk.count
        guard total <= limits.perFile else {
            throw MaterialUploadError(code: .fileTooLarge, zh: "文件超过单个材料大小上限\(limits.perFile)字节",
                                      en: "the file exceeds the per-file limit of \(limits.perFile) bytes "
                                          + "(BEIAN_MATERIAL_MAX_BYTES)")
        }
        guard alreadyStored + total <= limits.perFiling else {
            throw Self.filingLimit(limits.perFiling)
        }
        hasher.update(chunk)
        bytes.append(contentsOf: chunk)
        if mediaType == nil, bytes.count >= MaterialMediaType.sniffLength { try recognize() }
    }

    /// The finished file: bytes, SHA-256 (hex) and type.
    package mutating func finish() throws(MaterialUploadError) -> (bytes: [UInt8], sha256: String,
                                                                   mediaType: MaterialMediaType) {
        guard !bytes.isEmpty else {
            throw MaterialUploadError(code: .empty, zh: "未收到文件内容", en: "no bytes were sent")
        }
        if mediaType == nil { try recognize() }
        guard let mediaType else { throw Self.unsupported }
        return (bytes, Hex.encode(hasher.finalize()), mediaType)
    }

    /// The per-filing limit error.
    package static func filingLimit(_ limit: Int) -> MaterialUploadError {
        MaterialUploadError(code: .filingTooLarge, zh: "该备案的材料总量将超过上限\(limit)字节",
                            en: "the filing's materials would exceed the per-filing limit of \(limit) bytes "
                                + "(BEIAN_FILING_MATERIALS_MAX_BYTES)")
    }

    private static let unsupported = MaterialUploadError(
        code: .unsupportedType, zh: "仅接受PDF、JPEG或PNG文件（按文件内容识别，与文件名无关）",
        en: "only PDF, JPEG or PNG files are accepted (recognized from the content, not the file name)")

    private mutating func recognize() throws(MaterialUploadError) {
        guard let type = MaterialMediaType.detect(Array(bytes.prefix(MaterialMediaType.sniffLength))) else {
            throw Self.unsupported
        }
        mediaType = type
    }
}
