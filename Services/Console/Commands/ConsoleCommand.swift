/// One `beian` subcommand.
protocol ConsoleCommand: Sendable {
    /// The word after `beian` (`call`, `health`, ...).
    static var name: String { get }
    /// One line for `beian help`.
    static var summary: String { get }
    /// Usage text for `beian help NAME`.
    static var usage: String { get }
    /// Runs with the arguments after the command's name; returns the exit status.
    static func run(_ arguments: [String]) async throws -> Int32
}
