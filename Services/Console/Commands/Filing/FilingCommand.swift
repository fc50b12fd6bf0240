import BeianRPC
import Foundation

/// `beian filing SUB ...`: filings at the intake service (备案), for operators and office staff.
enum FilingCommand: ConsoleCommand {
    static let name = "filing"
    static let summary = "filings (备案): check, submit, status, resubmit, list, review, change, close, diff, import, "
        + "upload, materials, download, export, stats, watch, transfer"

    /// The subcommands, in the order help lists them.
    static let subcommands: [any ConsoleCommand.Type] = [
        FilingCheckCommand.self,
        FilingSubmitCommand.self,
        FilingStatusCommand.self,
        FilingResubmitCommand.self,
        FilingListCommand.self,
        FilingReviewCommand.self,
        FilingChangeCommand.self,
        FilingCloseCommand.self,
        FilingDiffCommand.self,
        FilingImportCommand.self,
        FilingUploadCommand.self,
        FilingMaterialsCommand.self,
        FilingDownloadCommand.self,
        FilingExportCommand.self,
        FilingStatsCommand.self,
        FilingWatchCommand.self,
        FilingTransferCommand.self,
        FilingTransferStatusCommand.self,
    ]

    static var usage: String {
        var text = "beian filing SUBCOMMAND ... (beian filing help SUBCOMMAND for its options)\n\n"
        for command in subcommands {
            text += "  \(command.name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(command.summary)\n"
        }
        text += "\nOperators need no certificate: submit prints the filing id and the access code (查询码);\n"
        text += "status, resubmit, change, close, diff, upload, materials and transfer-status then take --receipt FILE or\n"
        text += "--filing-id ID --access-code CODE.\n"
        text += "Staff present their certificate (--cert/--key: OU clerk, head or auditor; O = office code).\n"
        text += "ADDR (host:port of intake) comes first, or --addr ADDR, or the environment variable BEIAN_INTAKE."
        return text
    }

    /// The help for `words` after `help`: a subcommand's usage, or this command's without words.
    static func help(_ words: [String]) throws(ConsoleError) -> String {
        guard let word = words.first else { return usage }
        guard let command = subcommands.first(where: { $0.name == word }) else {
            throw ConsoleError.usage(zh: "没有这个 filing 子命令：“\(word)”（beian filing help 列出全部子命令）",
                                     en: "unknown filing subcommand \"\(word)\" (beian filing help lists them)")
        }
        return command.usage
    }

    static func run(_ raw: [String]) async throws -> Int32 {
        guard let word = raw.first else {
            throw ConsoleError.usage(zh: "filing 后面要给一个子命令", en: "filing needs a subcommand")
        }
        if ["help", "--help", "-h"].contains(word) {
            StandardStreams.output(try help(Array(raw.dropFirst())) + "\n")
            return 0
        }
        guard let command = subcommands.first(where: { $0.name == word }) else {
            throw ConsoleError.usage(zh: "没有这个 filing 子命令：“\(word)”", en: "unknown filing subcommand \"\(word)\"")
        }
        let rest = Array(raw.dropFirst())
        if rest.contains(where: { ["--help", "-h"].contains($0) }) {
            StandardStreams.output(command.usage + "\n")
            return 0
        }
        do {
            return try await command.run(rest)
        } catch let error as ConsoleError {
            // A usage error shows this subcommand's usage, not the whole list.
            StandardStreams.error(error.report("beian filing \(word)", usage: command.usage, arguments: rest))
            return error.exitCode
        }
    }
}
