import BeianRPC
import IntakeService

/// `beian filing review`: accept, return for correction, or reject (审核; clerk or head).
enum FilingReviewCommand: ConsoleCommand {
    static let name = "review"
    static let summary = "accept, return for correction or reject a filing (clerk or head)"
    static let usage = """
        beian filing review [ADDR] FILING_ID accept|return|reject [--reason TEXT] [--field PATH=REASON]...
                            [--idempotency-key KEY] [--json] [--lang en]

          accept: issues the filing number (or confirms a reported change); identity must be verified.
          return: back to the operator for correction; give --reason and/or one --field per field to
                  correct, e.g. --field object.name=名称与营业执照不符.
          reject: not filed; --reason is required.
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(["reason", "field", "idempotency-key"]),
                                      flags: ["json"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let id = try intake.positional(0, zh: "FILING_ID（备案编号）", en: "FILING_ID")
        let word = try intake.positional(1, zh: "决定：accept（准予备案）、return（退回补正）或 reject（不予备案）",
                                           en: "the decision: accept, return or reject")
        let decisions = ["accept": "accept", "return": "return_for_correction",
                         "return_for_correction": "return_for_correction", "reject": "reject",
                         "准予备案": "accept", "退回补正": "return_for_correction", "不予备案": "reject"]
        guard let decision = decisions[word] else {
            throw ConsoleError.usage(zh: "决定应为 accept（准予备案）、return（退回补正）或 reject（不予备案），而不是“\(word)”",
                                     en: "the decision must be accept, return or reject, got \"\(word)\"")
        }
        var corrections: [CorrectionRequest] = []
        for entry in arguments.all("field") {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw ConsoleError.usage(zh: "--field 应为 PATH=REASON（字段路径=理由，如 object.name=名称不符），而不是“\(entry)”",
                                         en: "--field must be PATH=REASON (e.g. object.name=名称不符), got \"\(entry)\"")
            }
            corrections.append(CorrectionRequest(field: String(entry[..<equals]),
                                                 reason: String(entry[entry.index(after: equals)...])))
        }
        let request = ReviewFilingRequest(filingId: id, decision: decision, reason: arguments.value("reason"),
                                          corrections: corrections.isEmpty ? nil : corrections)
        let metadata = arguments.value("idempotency-key").map { [IntakeService.idempotencyKey: $0] } ?? [:]
        return await IntakeConnection.reporting(output) { () throws(RPCError) in
            let outcome = try await intake.call("ReviewFiling", request, as: FilingOutcome.self, metadata: metadata)
            output.json ? output.json(outcome) : output.show(outcome)
        }
    }
}
