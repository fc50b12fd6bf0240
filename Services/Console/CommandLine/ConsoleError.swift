import BeianRPC

/// Why a command failed, and the process exit status that says so.
struct ConsoleError: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32

    /// Wrong use of the command line (exit 2).
    static func usage(_ message: String) -> ConsoleError { ConsoleError(description: message, exitCode: 2) }

    /// A local problem: unreadable file, bad JSON (exit 1).
    static func failure(_ message: String) -> ConsoleError { ConsoleError(description: message, exitCode: 1) }
}

extension RPCStatus.Code {
    /// Exit status for a call that ended with this code: 0 for OK, else the code's number (1–16).
    var exitCode: Int32 { Int32(rawValue) }
}
