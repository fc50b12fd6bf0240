import Foundation

/// A spreadsheet saved as CSV, decoded and split into records.
///
/// Encodings: UTF-8 with or without a byte-order mark, else GB18030 (which includes GBK and
/// GB2312, what Chinese Excel writes by default) when Foundation can decode it; `encoding` says
/// which was found. Format (RFC 4180, leniently): comma-separated (tab-separated when the header
/// has tabs and no commas), fields in double quotes may hold commas, quotes (doubled) and line
/// breaks; CRLF or LF; blank lines are skipped.
struct CSVDocument {
    /// How the file was encoded.
    enum Encoding: String {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8 (BOM)"
        case gb18030 = "GB18030/GBK"
    }

    /// One record: its row number as a spreadsheet shows it (the header is row 1) and its cells.
    struct Record {
        var row: Int
        var cells: [String]
    }

    var encoding: Encoding
    /// The header's cells.
    var header: [String]
    /// The data records, in file order.
    var records: [Record]

    /// Foundation's GB18030 encoding (kCFStringEncodingGB_18030_2000 as an NSStringEncoding).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Reads and parses `path`.
    static func read(_ path: String) throws(ConsoleError) -> CSVDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileErrors.cannotRead(path)
        }
        let (text, encoding) = try decode(data)
        var records = try parse(text)
        guard !records.isEmpty else { throw ConsoleError.failure(zh: "\(path)是空文件：第一行应是表头（账号名称等列名）",
                                                                   en: "\(path) is empty: it needs a header row") }
        let header = records.removeFirst()
        return CSVDocument(encoding: encoding, header: header.cells, records: records)
    }

    /// The text of `data` and the encoding it was in.
    static func decode(_ data: Data) throws(ConsoleError) -> (String, Encoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw ConsoleError.failure(zh: "文件以UTF-8标记开头，但内容不是有效的UTF-8",
                                           en: "the file starts with a UTF-8 byte-order mark but is not valid UTF-8")
            }
            return (text, .utf8BOM)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        if let text = String(data: data, encoding: gb18030) { return (text, .gb18030) }
        throw ConsoleError.failure(zh: "文件既不是UTF-8也不是GB18030/GBK文本：请另存为“CSV UTF-8”",
                                   en: "the file is neither UTF-8 nor GB18030/GBK text: save it as \"CSV UTF-8\"")
    }

    /// Splits `text` into non-blank records (row numbers counted from 1 for the first line).
    static func parse(_ text: String) throws(ConsoleError) -> [Record] {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let separator: Unicode.Scalar = !firstLine.contains(",") && firstLine.contains("\t") ? "\t" : ","
        var records: [Record] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false, inQuotes = false, afterCR = false
        var line = 1, quoteLine = 1, row = 0
        func endCell() {
            cells.append(String(cell))
            cell = String.UnicodeScalarView()
            quoted = false
        }
        func endRecord() {
            endCell()
            row += 1
            // Blank lines keep their row number (a spreadsheet shows them as empty rows).
            if !cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                records.append(Record(row: row, cells: cells))
            }
            cells = []
        }
        for scalar in text.unicodeScalars {
            if afterCR {
                afterCR = false
                if scalar == "\n" { continue }
            }
            if inQuotes {
                if scalar == "\"" {
                    inQuotes = false
                } else {
                    if scalar == "\n" || scalar == "\r" { line += 1 }
                    cell.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where quoted:
                // A doubled quote inside a quoted field: one literal quote.
                cell.append("\"")
                inQuotes = true
            case "\"" where cell.isEmpty:
                quoted = true
                inQuotes = true
                quoteLine = line
            case separator:
                endCell()
            case "\n", "\r":
                afterCR = scalar == "\r"
                line += 1
                endRecord()
            default:
                cell.append(scalar)
            }
        }
        guard !inQuotes else {
            throw ConsoleError.failure(zh: "第\(quoteLine)行：引号内的内容没有结束（缺少一个 \"）",
                                       en: "line \(quoteLine): a quoted field is never closed (a \" is missing)")
        }
        if !cell.isEmpty || !cells.isEmpty || quoted { endRecord() }
        return records
    }
}
