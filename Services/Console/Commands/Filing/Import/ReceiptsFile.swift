import Foundation

/// The receipts of imported rows (`FILE.receipts.csv` next to `FILE.csv`, mode 0600): the filing
/// id and the access code (查询码) of every filed row, which operators need for status, changes
/// and closures. Each import merges its receipts into the file; the idempotency key column tells a
/// re-run which rows were filed before.
struct ReceiptsFile {
    /// One filed row.
    struct Entry {
        var row: Int
        var accountName: String
        var filingId: String
        var accessCode: String
        var verification: String
        var submittedAt: String
        var key: String
    }

    static let header = ["行号", "账号名称", "备案编号", "查询码", "身份核验", "提交时间", "幂等键"]

    let path: String
    /// Entries in file order.
    private(set) var entries: [Entry] = []
    /// Position of each idempotency key in `entries`.
    private var positions: [String: Int] = [:]

    /// `accounts.csv` → `accounts.receipts.csv` (any other name: NAME.receipts.csv).
    static func path(for input: String) -> String {
        let base = input.lowercased().hasSuffix(".csv") ? String(input.dropLast(4)) : input
        return base + ".receipts.csv"
    }

    /// The receipts already at `path` (none when there is no file or it cannot be read).
    init(path: String) {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path),
              let (text, _) = try? CSVDocument.decode(data), var records = try? CSVDocument.parse(text),
              !records.isEmpty else { return }
        let titles = records.removeFirst().cells.map { ImportHeader.key($0) }
        func index(_ title: String) -> Int? { titles.firstIndex(of: ImportHeader.key(title)) }
        guard let id = index("备案编号"), let code = index("查询码"), let key = index("幂等键") else { return }
        for line in records {
            func cell(_ index: Int?) -> String { index.flatMap { $0 < line.cells.count ? line.cells[$0] : nil } ?? "" }
            guard !cell(key).isEmpty, !cell(id).isEmpty else { continue }
            record(Entry(row: Int(cell(index("行号"))) ?? 0, accountName: cell(index("账号名称")),
                         filingId: cell(id), accessCode: cell(code), verification: cell(index("身份核验")),
                         submittedAt: cell(index("提交时间")), key: cell(key)))
        }
    }

    /// The entry filed before under `key`.
    func entry(key: String) -> Entry? { positions[key].map { entries[$0] } }

    /// Adds or replaces the entry with `entry.key`.
    mutating func record(_ entry: Entry) {
        if let index = positions[entry.key] {
            entries[index] = entry
        } else {
            positions[entry.key] = entries.count
            entries.append(entry)
        }
    }

    /// Writes every entry (UTF-8 with a byte-order mark, so that Excel shows the Chinese), mode 0600.
    func write() throws(ConsoleError) {
        var text = "\u{FEFF}" + Self.header.joined(separator: ",") + "\r\n"
        for entry in entries.sorted(by: { $0.row < $1.row }) {
            let cells = [String(entry.row), entry.accountName, entry.filingId, entry.accessCode, entry.verification,
                         entry.submittedAt, entry.key]
            text += cells.map(Self.quoted).joined(separator: ",") + "\r\n"
        }
        try PrivateFile.save(Array(text.utf8), to: path)
    }

    /// A CSV cell, quoted when it needs to be.
    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { ",\"\r\n".contains($0) }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
