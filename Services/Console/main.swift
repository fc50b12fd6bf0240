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
    FileHandle.standardOutput.write(Data(text.utf8))
}

ProcessSignals.ignoreBrokenPipe()
let arguments = Array(CommandLine.arguments.dropFirst())
guard let first = arguments.first, !["help", "--help", "-h"].contains(first) || arguments.count > 1 else {
    printHelp()
    exit(0)
}
if ["help", "--help", "-h"].contains(first) {
    guard let command = commands.first(where: { $0.name == arguments[1] }) else {
        FileHandle.standardError.write(Data("unknown command \(arguments[1])\n".utf8))
        exit(2)
    }
    FileHandle.standardOutput.write(Data((command.usage + "\n").utf8))
    exit(0)
}
guard let command = commands.first(where: { $0.name == first }) else {
    FileHandle.standardError.write(Data("beian: unknown command \"\(first)\" (beian help lists them)\n".utf8))
    exit(2)
}
do {
    exit(try await command.run(Array(arguments.dropFirst())))
} catch let error as ConsoleError {
    FileHandle.standardError.write(Data("beian \(command.name): \(error.description)\n".utf8))
    if error.exitCode == 2 { FileHandle.standardError.write(Data("usage:\n\(command.usage)\n".utf8)) }
    exit(error.exitCode)
} catch {
    FileHandle.standardError.write(Data("beian \(command.name): \(error)\n".utf8))
    exit(1)
}
