import Foundation

/// The receipts of imported rows (`FILE.receipts.csv` next to `FILE.csv`, mode 0600): the filing
/// id and the access code (查询码) of every filed row, which operators need for status, changes
/// and closures. The file only grows: each import adds the filings it does not hold yet and never
/// replaces or drops an entry, so an access code once written stays (a row filed twice, e.g. by
/// two staff members, has two entries).
struct ReceiptsFile {
    /// One filing of a row.
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
    /// Entries in file order, then in the order recorded.
    private(set) var entries: [Entry] = []
    /// Position of each filing id in `entries`.
    private var positions: [String: Int] = [:]

    /// `accounts.csv` → `accounts.receipts.csv` (any other name: NAME.receipts.csv).
    static func path(for input: String) -> String {
        let base = input.lowercased().hasSuffix(".csv") ? String(input.dropLast(4)) : input
        return base + ".receipts.csv"
    }

    /// The receipts already at `path` (none when there is no file). A file that exists but cannot
    /// be read as a receipts file is an error: writing over it would lose its access codes.
    init(path: String) throws(ConsoleError) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { return }
        let unusable = { (reason: (zh: String, en: String)) in
            ConsoleError.input(zh: "回执文件\(path)\(reason.zh)；没有提交任何一行——请移走或修复它（其中有查询码）后重新导入",
                               en: "the receipts file \(path) \(reason.en); nothing was filed — "
                                   + "move it away or repair it (it holds access codes) and run the import again")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let system = FileErrors.reason(errno)
            throw unusable(("无法读取（\(system.zh)）", "cannot be read (\(system.en))"))
        }
        guard let (text, _) = try? CSVDocument.decode(data), var records = try? CSVDocument.parse(text) else {
            throw unusable(("不是可读的CSV", "is not readable CSV"))
        }
        guard !records.isEmpty else { return }
        let titles = records.removeFirst().cells.map { ImportHeader.key($0) }
        func index(_ title: String) -> Int? { titles.firstIndex(of: ImportHeader.key(title)) }
        guard let id = index("备案编号"), let code = index("查询码"), let key = index("幂等键") else {
            throw unusable(("缺少备案编号、查询码和幂等键列", "lacks the columns 备案编号, 查询码 and 幂等键"))
        }
        for line in records {
            func cell(_ index: Int?) -> String { index.flatMap { $0 < line.cells.count ? line.cells[$0] : nil } ?? "" }
            guard !cell(id).isEmpty else { continue }
            record(Entry(row: Int(cell(index("行号"))) ?? 0, accountName: cell(index("账号名称")),
                         filingId: cell(id), accessCode: cell(code), verification: cell(index("身份核验")),
                         submittedAt: cell(index("提交时间")), key: cell(key)))
        }
    }

    /// Whether the file holds the filing `id`.
    func contains(filingId id: String) -> Bool { positions[id] != nil }

    /// The filings recorded under the idempotency key `key`, in file order.
    func entries(key: String) -> [Entry] { entries.filter { $0.key == key } }

    /// Adds `entry` unless the file already holds its filing (whose entry is kept as it is).
    mutating func record(_ entry: Entry) {
        guard positions[entry.filingId] == nil else { return }
        positions[entry.filingId] = entries.count
        entries.append(entry)
    }

    /// Writes every entry (UTF-8 with a byte-order mark, so that Excel shows the Chinese), mode
    /// 0600, through a temporary file: the old file stays whole until the new one is complete.
    func write() throws(ConsoleError) {
        var text = "\u{FEFF}" + Self.header.joined(separator: ",") + "\r\n"
        let ordered = entries.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }
        for entry in ordered.map(\.element) {
            let cells = [String(entry.row), entry.accountName, entry.filingId, entry.accessCode, entry.verification,
                         entry.submittedAt, entry.key]
            text += cells.map(Self.quoted).joined(separator: ",") + "\r\n"
        }
        let file = try PrivateFileWriter(path: path)
        try file.write(Array(text.utf8))
        try file.commit()
    }

    /// A CSV cell, quoted when it needs to be.
    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { ",\"\r\n".contains($0) }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
