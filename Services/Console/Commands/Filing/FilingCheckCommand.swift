import BeianRPC
import BeianModel
import IntakeService

/// `beian filing check`: the scope pre-check (备案范围预检) of a form, without filing it.
enum FilingCheckCommand: ConsoleCommand {
    static let name = "check"
    static let summary = "would this be filed? scope, deadline and materials, without filing (anyone)"
    static let usage = """
        beian filing check [ADDR] (-d @form.json | form flags) [--json] [--lang en]

          Asks intake what would happen to the form (CheckScope): in scope, out of scope, referred to
          another platform or left to staff; the follower threshold, the deadline and the materials.
          Nothing is stored. Exit status 0 also when the answer is "would not file".
        """ + "\n" + SubmissionFlags.usage + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(SubmissionFlags.options),
                                      flags: ["json"], aliases: IntakeConnection.aliases.merging(["d": "data"]) { $1 })
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        guard let form = try SubmissionFlags.submission(arguments) else {
            throw ConsoleError.usage(zh: "请用 -d 或表单选项（--platform、--account-name 等）给出备案表单",
                                     en: "give the form with -d or flags (--platform, --account-name, ...)")
        }
        return await IntakeConnection.reporting(output) { () throws(RPCError) in
            let answer = try await intake.call("CheckScope", form, as: ScopeCheckResponse.self)
            output.json ? output.json(answer) : output.show(answer)
        }
    }
}
