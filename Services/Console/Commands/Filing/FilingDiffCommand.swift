import BeianRPC
import IntakeService

/// `beian filing diff`: what changed between two versions of a filing (版本比对).
enum FilingDiffCommand: ConsoleCommand {
    static let name = "diff"
    static let summary = "field-by-field difference between two versions of a filing"
    static let usage = """
        beian filing diff [ADDR] (--receipt FILE | --filing-id ID --access-code CODE | FILING_ID with staff cert)
                          [--from N] [--to N] [--json] [--lang en]

          Shows each changed field, before → after (DiffVersions; personal numbers masked). Default: the
          current version against the one before it.
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(OperatorCredentials.options)
                                        .union(["from", "to"]),
                                      flags: ["json"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let (id, metadata) = try FilingTarget.resolve(arguments, intake)
        let request = DiffVersionsRequest(filingId: id, from: try arguments.integer("from"), to: try arguments.integer("to"))
        return await IntakeConnection.reporting(output) { () throws(RPCError) in
            let diff = try await intake.call("DiffVersions", request, as: DiffVersionsResponse.self, metadata: metadata)
            output.json ? output.json(diff) : output.show(diff)
        }
    }
}
