import BeianRPC

/// Why a command failed, and the process exit status that says so.
struct ConsoleError: Error, CustomStringConvertible {
    /// The reason in English.
    var description: String
    /// The reason in Chinese.
    var zh: String
    var exitCode: Int32
    /// Whether the command's usage follows the reason: only for wrong command-line syntax, not
    /// for a file that cannot be read or whose content is wrong.
    var showsUsage: Bool

    /// Private: every reason is worded in both languages, through the constructors below.
    private init(zh: String, en: String, exitCode: Int32, showsUsage: Bool? = nil) {
        self.description = en
        self.zh = zh
        self.exitCode = exitCode
        self.showsUsage = showsUsage ?? (exitCode == 2)
    }

    /// Wrong use of the command line (exit 2, with the usage).
    static func usage(zh: String, en: String) -> ConsoleError { ConsoleError(zh: zh, en: en, exitCode: 2) }

    /// A local problem: unreadable file, bad JSON (exit 1, no usage).
    static func failure(zh: String, en: String) -> ConsoleError { ConsoleError(zh: zh, en: en, exitCode: 1) }

    /// An input file that cannot be read or is not what the command takes, where the command
    /// documents exit 2 for it (exit 2, no usage: the command line was right).
    static func input(zh: String, en: String) -> ConsoleError {
        ConsoleError(zh: zh, en: en, exitCode: 2, showsUsage: false)
    }

    /// A positional argument the command does not take (exit 2, with the usage).
    static func unexpectedArgument(_ argument: String) -> ConsoleError {
        usage(zh: "多余的参数：“\(argument)”", en: "unexpected argument \"\(argument)\"")
    }

    /// The same reason with another exit status (the usage shown only for usage errors still).
    func exiting(_ code: Int32) -> ConsoleError {
        ConsoleError(zh: zh, en: description, exitCode: code, showsUsage: showsUsage && code == 2)
    }

    /// The reason in `language`: Chinese then English in Chinese output (as the services word
    /// their refusals, `中文 / English`), English alone in English output.
    func message(_ language: Output.Language) -> String {
        language == .zh ? "\(zh) / \(description)" : description
    }

    /// What standard error shows for `command` (`beian filing import`), with the usage when it helps.
    func report(_ command: String, usage: String, arguments: [String]) -> String {
        var text = "\(command): \(message(Output.Language.requested(in: arguments)))\n"
        if showsUsage { text += "usage:\n\(usage)\n" }
        return text
    }
}

extension RPCStatus.Code {
    /// Exit status for a call that ended with this code: 0 for OK, else the code's number (1–16).
    var exitCode: Int32 { Int32(rawValue) }
}
