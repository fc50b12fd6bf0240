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

ProcessSignals.ignoreBrokenPipe()
let arguments = Array(CommandLine.arguments.dropFirst())
guard let first = arguments.first, !["help", "--help", "-h"].contains(first) || arguments.count > 1 else {
    printHelp()
    exit(0)
}
if ["help", "--help", "-h"].contains(first) {
    guard let command = commands.first(where: { $0.name == arguments[1] }) else {
        StandardStreams.error("unknown command \(arguments[1])\n")
        exit(2)
    }
    do throws(ConsoleError) {
        // `beian help filing status`: the subcommand's usage.
        let words = Array(arguments.dropFirst(2))
        let text = command.name == FilingCommand.name ? try FilingCommand.help(words) : command.usage
        StandardStreams.output(text + "\n")
    } catch {
        StandardStreams.error("beian help: \(error.description)\n")
        exit(error.exitCode)
    }
    exit(0)
}
guard let command = commands.first(where: { $0.name == first }) else {
    StandardStreams.error("beian: unknown command \"\(first)\" (beian help lists them)\n")
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
