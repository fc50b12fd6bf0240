import BeianRPC
import IntakeService

/// `beian filing change`: reports a change to filed facts (变更备案) with the whole form as it is now.
enum FilingChangeCommand: ConsoleCommand {
    static let name = "change"
    static let summary = "report a change (变更): the whole form as it is now, with the date of the change"
    static let usage = """
        beian filing change [ADDR] (--receipt FILE | --filing-id ID --access-code CODE | FILING_ID with staff cert)
                            --date YYYY-MM-DD (-d @form.json | form flags) [--changed FIELD,...]
                            [--description TEXT] [--idempotency-key KEY] [--json] [--lang en]

          Files a new version (ChangeFiling) after the account's name, subject or other filed facts changed
          on --date; the profile's change deadline counts from that date (e.g. Shangluo: 15 days) and the
          answer says whether the change is on time or late. The form is the whole form, as for submit;
          what changed is computed unless --changed lists it. Staff (clerk, head) may file it for the operator.
        """ + "\n" + SubmissionFlags.usage + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(SubmissionFlags.options)
                                        .union(OperatorCredentials.options)
                                        .union(["date", "changed", "description", "idempotency-key"]),
                                      flags: ["json"], aliases: IntakeConnection.aliases.merging(["d": "data"]) { $1 })
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let (id, metadata) = try FilingTarget.resolve(arguments, intake)
        guard let form = try SubmissionFlags.submission(arguments) else {
            throw ConsoleError.usage(zh: "请用 -d 或表单选项给出变更后现在的完整表单",
                                     en: "give the whole form as it is now, with -d or flags")
        }
        guard let date = arguments.value("date") else {
            throw ConsoleError.usage(zh: "需要 --date YYYY-MM-DD（变更日期）", en: "--date YYYY-MM-DD (of the change) is required")
        }
        let changed = arguments.value("changed").map(FilingValues.items)
        let request = ChangeFilingRequest(filingId: id, changeDate: FilingValues.date(date), changedFields: changed,
                                          description: arguments.value("description"), submission: form)
        return await IntakeConnection.reporting(output) { () throws(RPCError) in
            let outcome = try await intake.call("ChangeFiling", request, as: FilingOutcome.self,
                                                metadata: metadata.merging(FilingTarget.idempotency(arguments)) { $1 })
            output.json ? output.json(outcome) : output.show(outcome)
        }
    }
}

/// The filing a command acts on: the operator's (from credentials) or a staff member's FILING_ID.
enum FilingTarget {
    /// The filing id and the metadata to send; an argument after the filing id is refused (a
    /// version number, say: `diff` takes `--from N --to N`).
    static func resolve(_ arguments: Arguments, _ intake: IntakeConnection) throws(ConsoleError)
        -> (String, [String: String]) {
        if let credentials = try OperatorCredentials.from(arguments) {
            if let extra = intake.rest.first { throw ConsoleError.unexpectedArgument(extra) }
            return (credentials.filingId, credentials.metadata)
        }
        let id = try intake.positional(0, zh: "FILING_ID（工作人员）或 --receipt FILE（备案人）",
                                       en: "FILING_ID (staff) or --receipt FILE (operator)")
        if intake.rest.count > 1 { throw ConsoleError.unexpectedArgument(intake.rest[1]) }
        return (id, [:])
    }

    /// The idempotency-key metadata, when given.
    static func idempotency(_ arguments: Arguments) -> [String: String] {
        arguments.value("idempotency-key").map { [IntakeService.idempotencyKey: $0] } ?? [:]
    }
}
