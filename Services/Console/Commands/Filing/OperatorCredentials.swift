import BeianJSON
import Foundation
import Glibc
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
                throw ConsoleError.usage("--receipt and --filing-id/--access-code are alternatives")
            }
            return try read(path)
        }
        switch (arguments.value("filing-id"), arguments.value("access-code")) {
        case (nil, nil): return nil
        case (let id?, let code?): return OperatorCredentials(filingId: id, accessCode: code)
        default: throw ConsoleError.usage("--filing-id and --access-code go together")
        }
    }

    /// Reads a saved receipt (the JSON `submit` prints with `--json` or saves with `--save-receipt`).
    static func read(_ path: String) throws(ConsoleError) -> OperatorCredentials {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConsoleError.failure("cannot read the receipt \(path)")
        }
        guard let value = try? JSONParser.parse(Array(data)), let id = value["filing_id"]?.stringValue,
              let code = value["access_code"]?.stringValue else {
            throw ConsoleError.failure("\(path) is not a saved receipt (it needs filing_id and access_code)")
        }
        return OperatorCredentials(filingId: id, accessCode: code)
    }
}

/// Files only their owner may read (receipts hold access codes).
enum PrivateFile {
    /// Writes `bytes` to `path` with mode 0600 (set before anything is written, also when the
    /// file existed with wider permissions).
    static func write(_ bytes: [UInt8], to path: String) throws(ConsoleError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ConsoleError.failure("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            throw ConsoleError.failure("cannot restrict \(path) to mode 0600: \(String(cString: strerror(errno)))")
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else {
                if written < 0 && errno == EINTR { continue }
                throw ConsoleError.failure("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
