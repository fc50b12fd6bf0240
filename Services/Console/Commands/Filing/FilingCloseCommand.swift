import BeianRPC
import IntakeService

/// `beian filing close`: the object was closed or cancelled on its platform (注销备案).
enum FilingCloseCommand: ConsoleCommand {
    static let name = "close"
    static let summary = "report a closure (注销) with its date; the answer says whether it is on time"
    static let usage = """
        beian filing close [ADDR] (--receipt FILE | --filing-id ID --access-code CODE | FILING_ID with staff cert)
                           --date YYYY-MM-DD [--reason TEXT] [--announced YYYY-MM-DD]
                           [--idempotency-key KEY] [--json] [--lang en]

          Ends the filing (CloseFiling): --date is when the account was closed on its platform; the
          profile's closure deadline counts from it (e.g. Gejiu: 5 working days, with a public announcement,
          --announced). Staff (clerk, head) may file it for the operator.
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(OperatorCredentials.options)
                                        .union(["date", "reason", "announced", "idempotency-key"]),
                                      flags: ["json"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let (id, metadata) = try FilingTarget.resolve(arguments, intake)
        guard let date = arguments.value("date") else {
            throw ConsoleError.usage(zh: "需要 --date YYYY-MM-DD（注销日期）", en: "--date YYYY-MM-DD (of the closure) is required")
        }
        let request = CloseFilingRequest(filingId: id, closureDate: FilingValues.date(date),
                                         reason: arguments.value("reason"),
                                         announcedOn: arguments.value("announced").map(FilingValues.date))
        return await IntakeConnection.reporting(output) { () throws(RPCError) in
            let outcome = try await intake.call("CloseFiling", request, as: FilingOutcome.self,
                                                metadata: metadata.merging(FilingTarget.idempotency(arguments)) { $1 })
            output.json ? output.json(outcome) : output.show(outcome)
        }
    }
}
