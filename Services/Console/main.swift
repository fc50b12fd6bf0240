import BeianRuntime
import Foundation

// beian: the command-line client of a Beian office (calls, health, reflection, certificates,
// identity checks, filings).

let commands: [any ConsoleCommand.Type] = ConsoleCommands.all

@MainActor
func printHelp() {
    var text = "beian — the command-line client of a Beian office\n\nCommands:\n"
    for command in commands { text += "  \(command.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(command.summary)\n" }
    text += "\nbeian help COMMAND shows a command's options.\n"
    StandardStreams.output(text)
}

/// A first word that names no command.
func unknownCommand(_ word: String) -> ConsoleError {
    .usage(zh: "没有这个命令：“\(word)”（beian help 列出全部命令）", en: "unknown command \"\(word)\" (beian help lists them)")
}

ProcessSignals.ignoreBrokenPipe()
let arguments = Array(CommandLine.arguments.dropFirst())
let language = Output.Language.requested(in: arguments)
guard let first = arguments.first, !["help", "--help", "-h"].contains(first) || arguments.count > 1 else {
    printHelp()
    exit(0)
}
if ["help", "--help", "-h"].contains(first) {
    guard let command = commands.first(where: { $0.name == arguments[1] }) else {
        StandardStreams.error("beian help: \(unknownCommand(arguments[1]).message(language))\n")
        exit(2)
    }
    do throws(ConsoleError) {
        // `beian help filing status`: the subcommand's usage.
        let words = Array(arguments.dropFirst(2))
        let text = command.name == FilingCommand.name ? try FilingCommand.help(words) : command.usage
        StandardStreams.output(text + "\n")
    } catch {
        StandardStreams.error("beian help: \(error.message(language))\n")
        exit(error.exitCode)
    }
    exit(0)
}
guard let command = commands.first(where: { $0.name == first }) else {
    StandardStreams.error("beian: \(unknownCommand(first).message(language))\n")
    exit(2)
}
do {
    exit(try await command.run(Array(arguments.dropFirst())))
} catch let error as ConsoleError {
    StandardStreams.error(error.report("beian \(command.name)", usage: command.usage, arguments: arguments))
    exit(error.exitCode)
} catch {
    StandardStreams.error("beian \(command.name): \(error)\n")
    exit(1)
}
