import BeianRPC
import IntakeService

/// `beian filing status`: one filing with its history (备案详情), for its operator or for staff.
enum FilingStatusCommand: ConsoleCommand {
    static let name = "status"
    static let summary = "a filing with its history: operators by receipt, staff by filing id"
    static let usage = """
        beian filing status [ADDR] --receipt FILE | --filing-id ID --access-code CODE   (operator)
        beian filing status [ADDR] FILING_ID [--reveal]                                 (staff, with --cert/--key)
                            [--json] [--lang en]

          Shows the status, identity verification, scope, deadline, missing materials, what to correct,
          and every step of the history (GetFiling). Personal numbers are masked; staff see them whole
          with --reveal (every such read is on the audit log).
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(OperatorCredentials.options),
                                      flags: ["json", "reveal"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let request: GetFilingRequest
        var metadata: [String: String] = [:]
        if let credentials = try OperatorCredentials.from(arguments) {
            if arguments.flag("reveal") {
                throw ConsoleError.usage(zh: "--reveal 仅供工作人员（用 --cert/--key）使用；备案人查看时身份证号和手机号总是部分遮盖",
                                         en: "--reveal is for staff (with --cert/--key); an operator always sees ID and mobile numbers masked")
            }
            request = GetFilingRequest(filingId: credentials.filingId)
            metadata = credentials.metadata
        } else {
            let id = try intake.positional(0, zh: "FILING_ID（备案编号，或用 --receipt FILE）", en: "FILING_ID (or --receipt FILE)")
            request = GetFilingRequest(filingId: id, revealPersonalNumbers: arguments.flag("reveal"))
        }
        return await IntakeConnection.reporting(output) { () throws(RPCError) in
            let view = try await intake.call("GetFiling", request, as: FilingView.self, metadata: metadata)
            output.json ? output.json(view) : output.show(view)
        }
    }
}
