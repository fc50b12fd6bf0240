import BeianJSON
import Foundation
import IntakeService

/// An operator's proof of access to one filing (备案编号 + 查询码): `--receipt FILE` (a receipt saved
/// by `beian filing submit --save-receipt FILE`) or `--filing-id ID --access-code CODE`.
struct OperatorCredentials {
    /// Options that carry credentials.
    static let options: Set<String> = ["receipt", "filing-id", "access-code"]

    var filingId: String
    var accessCode: String

    /// The request metadata intake authenticates operators by.
    var metadata: [String: String] {
        [IntakeService.filingIDKey: filingId, IntakeService.accessCodeKey: accessCode]
    }

    /// The credentials the arguments give, or nil when they give none.
    static func from(_ arguments: Arguments) throws(ConsoleError) -> OperatorCredentials? {
        if let path = arguments.value("receipt") {
            guard arguments.value("filing-id") == nil, arguments.value("access-code") == nil else {
                throw ConsoleError.usage(zh: "--receipt 与 --filing-id/--access-code 只能二选一",
                                         en: "--receipt and --filing-id/--access-code are alternatives")
            }
            return try read(path)
        }
        switch (arguments.value("filing-id"), arguments.value("access-code")) {
        case (nil, nil): return nil
        case (let id?, let code?): return OperatorCredentials(filingId: id, accessCode: code)
        default: throw ConsoleError.usage(zh: "--filing-id 和 --access-code 要一起给出", en: "--filing-id and --access-code go together")
        }
    }

    /// Reads a saved receipt (the JSON `submit` prints with `--json` or saves with `--save-receipt`).
    /// A receipt that cannot be read exits 2, with the reason (not the usage).
    static func read(_ path: String) throws(ConsoleError) -> OperatorCredentials {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = FileErrors.reason(errno)
            throw ConsoleError.input(zh: "无法读取回执文件\(path)：\(reason.zh)", en: "cannot read the receipt \(path): \(reason.en)")
        }
        close(descriptor)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConsoleError.input(zh: "无法读取回执文件\(path)：不是可读的文件",
                                     en: "cannot read the receipt \(path): it is not a readable file")
        }
        guard let value = try? JSONParser.parse(Array(data)), let id = value["filing_id"]?.stringValue,
              let code = value["access_code"]?.stringValue else {
            throw ConsoleError.input(zh: "\(path)不是保存的回执（需要备案编号 filing_id 和查询码 access_code）",
                                     en: "\(path) is not a saved receipt (it needs filing_id and access_code)")
        }
        return OperatorCredentials(filingId: id, accessCode: code)
    }
}
