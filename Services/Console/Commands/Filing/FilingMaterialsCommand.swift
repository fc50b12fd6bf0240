import BeianRPC
import IntakeService

/// `beian filing materials`: a filing's uploaded materials and what it still lacks (材料清单).
enum FilingMaterialsCommand: ConsoleCommand {
    static let name = "materials"
    static let summary = "a filing's uploaded materials and the ones still missing (operator or staff)"
    static let usage = """
        beian filing materials [ADDR] (--receipt FILE | --filing-id ID --access-code CODE | FILING_ID with staff cert)
                               [--json] [--lang en]

          Lists the uploaded materials (kind, type, size, SHA-256, file name, time; ListMaterials), the
          materials declared in the form, the required ones still missing and those needed only in some
          situations. Staff download one with: beian filing download FILING_ID SHA256 --out FILE.
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(OperatorCredentials.options),
                                      flags: ["json"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let (id, metadata) = try FilingTarget.resolve(arguments, intake)
        return await IntakeConnection.reporting(output) { () throws(RPCError) in
            let list = try await intake.call("ListMaterials", MaterialRequest(filingId: id),
                                             as: MaterialListResponse.self, metadata: metadata)
            output.json ? output.json(list) : output.show(list)
        }
    }
}
