import Foundation

/// Small files as scanners and phones make them: a PDF and a PNG with their real signatures, and
/// a text file that only pretends to be a PDF.
enum SampleMaterials {
    /// A one-page PDF (header, catalog, trailer) padded to `size` bytes with a comment, so that
    /// every call with another `marker` gives another digest.
    static func pdf(_ marker: String, size: Int = 1500) -> [UInt8] {
        let body = "%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            + "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% \(marker)\n"
        var bytes = Array(body.utf8)
        let tail = Array("trailer <</Root 1 0 R>>\n%%EOF\n".utf8)
        var filler = marker.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        while bytes.count < size - tail.count {
            filler = filler &* 1_103_515_245 &+ 12_345
            // A comment line of printable filler, as image streams would take the room.
            bytes.append(bytes.count % 64 == 0 ? 0x0A : 0x41 + UInt8(truncatingIfNeeded: filler >> 16) % 26)
        }
        return bytes + tail
    }

    /// A PNG: the 8-byte signature and an IHDR chunk (1×1, 8-bit RGB) with filler after it.
    static func png(size: Int = 900) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += [0x00, 0x00, 0x00, 0x0D] + Array("IHDR".utf8) + [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]
            + [0x90, 0x77, 0x53, 0xDE]
        while bytes.count < size { bytes.append(UInt8(truncatingIfNeeded: bytes.count &* 31)) }
        return bytes
    }

    /// Meeting notes typed in a text editor and saved as `.pdf`.
    static let textPretendingToBePDF = Array("会议纪要\n时间：2024年1月20日\n内容：同意开设政务账号。\n".utf8)

    /// Writes `bytes` to `path`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
