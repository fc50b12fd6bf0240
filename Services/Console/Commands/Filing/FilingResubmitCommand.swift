import BeianRPC
import IntakeService

/// `beian filing resubmit`: the corrected form after a return for correction (补正后重新提交).
enum FilingResubmitCommand: ConsoleCommand {
    static let name = "resubmit"
    static let summary = "after a return for correction (退回补正): file the corrected form as a new version"
    static let usage = """
        beian filing resubmit [ADDR] (--receipt FILE | --filing-id ID --access-code CODE | FILING_ID with staff cert)
                              (-d @form.json | form flags) [--idempotency-key KEY] [--json] [--lang en]

          Files the corrected form (ResubmitFiling) of a filing that staff returned for correction
          (状态：退回补正; `beian filing status` shows what to correct). The form is the whole form, as for
          submit, with the corrections made; the filing gets a new version and goes back to staff for
          review, with identity and scope checked again. Staff (clerk, head) may resubmit for the operator.
        """ + "\n" + SubmissionFlags.usage + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(SubmissionFlags.options)
                                        .union(OperatorCredentials.options).union(["idempotency-key"]),
                                      flags: ["json"], aliases: IntakeConnection.aliases.merging(["d": "data"]) { $1 })
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let (id, metadata) = try FilingTarget.resolve(arguments, intake)
        guard let form = try SubmissionFlags.submission(arguments) else {
            throw ConsoleError.usage(zh: "请用 -d 或表单选项（--platform、--account-name 等）给出补正后的完整表单",
                                     en: "give the whole corrected form, with -d or flags (--platform, --account-name, ...)")
        }
        let request = ResubmitFilingRequest(filingId: id, submission: form)
        return await IntakeConnection.reporting(output) { () throws(RPCError) in
            let outcome = try await intake.call("ResubmitFiling", request, as: FilingOutcome.self,
                                                metadata: metadata.merging(FilingTarget.idempotency(arguments)) { $1 })
            output.json ? output.json(outcome) : output.show(outcome)
        }
    }
}
