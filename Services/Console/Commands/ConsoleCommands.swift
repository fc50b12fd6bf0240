/// Every `beian` subcommand, in the order `beian help` lists them. Services add their commands
/// here (`verify` for identity, `filing` for intake).
enum ConsoleCommands {
    static let all: [any ConsoleCommand.Type] = [
        CallCommand.self,
        HealthCommand.self,
        DescribeCommand.self,
        CertsCommand.self,
        VerifyCommand.self,
        FilingCommand.self,
    ]
}
