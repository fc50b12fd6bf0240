/// The media types intake keeps as materials (PDF, JPEG, PNG), recognized from the bytes
/// themselves: the file name's extension is the sender's claim and is not trusted.
package enum MaterialMediaType: String, Sendable, Hashable, Codable, CaseIterable {
    /// `%PDF-`.
    case pdf = "application/pdf"
    /// `FF D8 FF`.
    case jpeg = "image/jpeg"
    /// `89 50 4E 47 0D 0A 1A 0A`.
    case png = "image/png"

    /// The leading bytes (magic number) of each type.
    package var signature: [UInt8] {
        switch self {
        case .pdf: Array("%PDF-".utf8)
        case .jpeg: [0xFF, 0xD8, 0xFF]
        case .png: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        }
    }

    /// Bytes needed to tell every type apart (the longest signature).
    package static let sniffLength = 8

    /// The type of content starting with `prefix`, or nil when no signature matches.
    package static func detect(_ prefix: [UInt8]) -> MaterialMediaType? {
        allCases.first { type in
            let signature = type.signature
            return prefix.count >= signature.count && Array(prefix.prefix(signature.count)) == signature
        }
    }
}
