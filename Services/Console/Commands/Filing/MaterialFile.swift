import Foundation

/// A local file to upload, read in chunks (never whole: it may be big).
final class MaterialFile {
    let path: String
    /// Its size when opened.
    let size: Int
    private let handle: FileHandle
    private let head: [UInt8]

    /// Opens a regular file.
    init(path: String) throws(ConsoleError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw FileErrors.cannotRead(path)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw ConsoleError.failure(zh: "\(path)不是普通文件", en: "\(path) is not a regular file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileErrors.cannotRead(path)
        }
        self.path = path
        self.handle = handle
        size = Int(status.st_size)
        let start = (try? handle.read(upToCount: 512)) ?? nil
        head = start.map { [UInt8]($0) } ?? []
        try? handle.seek(toOffset: 0)
    }

    deinit { try? handle.close() }

    /// The next chunk of at most `count` bytes, or nil at the end.
    func read(upTo count: Int) throws(ConsoleError) -> [UInt8]? {
        do {
            guard let data = try handle.read(upToCount: count), !data.isEmpty else { return nil }
            return [UInt8](data)
        } catch {
            throw ConsoleError.failure(zh: "无法读取\(path)：\(error.localizedDescription)",
                                       en: "cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// What the content looks like, for the hint when intake refuses its type.
    var looksLike: (zh: String, en: String) {
        if head.isEmpty { return ("为空", "is empty") }
        let signatures: [([UInt8], String)] = [
            (Array("PK\u{3}\u{4}".utf8), "ZIP/Office (docx, xlsx)"),
            ([0xD0, 0xCF, 0x11, 0xE0], "Office 97-2003 (doc, xls)"),
            (Array("GIF8".utf8), "GIF"), (Array("RIFF".utf8), "WebP/RIFF"), (Array("II*\u{0}".utf8), "TIFF"),
            (Array("MM\u{0}*".utf8), "TIFF"), (Array("BM".utf8), "BMP"), (Array("Rar!".utf8), "RAR"),
            (Array("MZ".utf8), "Windows executable"),
        ]
        if let (_, name) = signatures.first(where: { head.starts(with: $0.0) }) {
            return ("是\(name)文件", "is a \(name) file")
        }
        // The first 512 bytes may end inside a character: text when some cut before the end is valid UTF-8.
        if !head.contains(0), (0...3).contains(where: { String(validating: head.dropLast($0), as: UTF8.self) != nil }) {
            return ("是文本", "is text")
        }
        return ("无法识别", "is of an unknown type")
    }
}
