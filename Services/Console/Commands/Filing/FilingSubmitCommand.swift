import BeianRPC
import BeianJSON
import BeianModel
import IntakeService

/// `beian filing submit`: files a form (提交备案) and prints the receipt with the access code.
enum FilingSubmitCommand: ConsoleCommand {
    static let name = "submit"
    static let summary = "file a form; prints the receipt and the access code (operators, or staff on their behalf)"
    static let usage = """
        beian filing submit [ADDR] (-d @form.json | form flags) [--save-receipt FILE] [--idempotency-key KEY]
                            [--json] [--lang en]

          Submits the filing (SubmitFiling). The receipt shows the filing id and the access code (查询码)
          once: keep them (--save-receipt FILE writes the receipt as JSON, mode 0600; later commands take
          --receipt FILE). Without a certificate you file as the operator; with a clerk's or head's
          certificate you file on the operator's behalf. --idempotency-key KEY makes a retry safe: the same
          key and form return the first receipt instead of filing twice.
        """ + "\n" + SubmissionFlags.usage + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(SubmissionFlags.options)
                                        .union(["save-receipt", "idempotency-key"]),
                                      flags: ["json"], aliases: IntakeConnection.aliases.merging(["d": "data"]) { $1 })
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        guard let form = try SubmissionFlags.submission(arguments) else {
            throw ConsoleError.usage(zh: "请用 -d 或表单选项（--platform、--account-name 等）给出备案表单",
                                     en: "give the form with -d or flags (--platform, --account-name, ...)")
        }
        let metadata = arguments.value("idempotency-key").map { [IntakeService.idempotencyKey: $0] } ?? [:]
        var answer: SubmissionReceipt?
        let status = await IntakeConnection.reporting(output) { () throws(RPCError) in
            answer = try await intake.call("SubmitFiling", form, as: SubmissionReceipt.self, metadata: metadata)
        }
        guard let receipt = answer else { return status }
        // Saved before anything is printed: the access code is shown only once, and printing ends the
        // command when the reader of standard output has gone away (`| head`).
        if let path = arguments.value("save-receipt") {
            let bytes: [UInt8]
            do {
                bytes = Array(PrettyPrinter.format(try JSONCoding.encodeValue(receipt)).utf8) + [0x0A]
            } catch {
                throw ConsoleError.failure(zh: "无法编码回执：\(error)", en: "cannot encode the receipt: \(error)")
            }
            try PrivateFile.save(bytes, to: path)
            output.error(output.text("回执已保存到 \(path)（仅本人可读）", "receipt saved to \(path) (mode 0600)"))
        }
        output.json ? output.json(receipt) : output.show(receipt)
        return status
    }
}
