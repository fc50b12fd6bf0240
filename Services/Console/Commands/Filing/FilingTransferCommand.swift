import BeianJSON
import BeianRPC
import IntakeService

/// `beian filing transfer`: hands a filing to the office it belongs to (移交; head).
enum FilingTransferCommand: ConsoleCommand {
    static let name = "transfer"
    static let summary = "hand a filing to the right office's intake (head); prints its new id and access code"
    static let usage = """
        beian filing transfer [ADDR] FILING_ID --to OFFICE --reason TEXT [--override-scope] [--save-receipt FILE]
                              [--json] [--lang en]

          For a filing submitted to the wrong office (属地管理): intake sends it to the intake of OFFICE
          (a 6-digit office code configured in BEIAN_PEER_INTAKES; TransferFiling; staff certificate:
          head), where it is filed anew; here it ends as cancelled. Prints the office, the new filing id
          and the new access code (查询码) to give to the operator, who can also see them with
          beian filing transfer-status and the old receipt. Repeating the command is safe: it shows the
          transfer already made. --save-receipt FILE writes the new id and code as a receipt (mode 0600)
          that the other office's commands take with --receipt. The receiving office applies its own
          scope rules: when it finds the filing out of its scope the transfer is refused with its decision
          (nothing is created there); --override-scope transfers it anyway, recorded as overridden.
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(["to", "reason", "save-receipt"]),
                                      flags: ["json", "override-scope"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let id = try intake.positional(0, zh: "FILING_ID（备案编号）", en: "FILING_ID")
        guard let office = arguments.value("to") else {
            throw ConsoleError.usage(zh: "需要 --to OFFICE（移交给哪个网信办，6位代码）", en: "--to OFFICE (6-digit code) is required")
        }
        guard let reason = arguments.value("reason") else {
            throw ConsoleError.usage(zh: "需要 --reason TEXT（移交理由）", en: "--reason TEXT is required")
        }
        let request = TransferFilingRequest(filingId: id, targetOffice: office, reason: reason,
                                            overrideTargetScope: arguments.flag("override-scope") ? true : nil)
        var outcome: TransferOutcome?
        let status = await IntakeConnection.reporting(output) { () throws(RPCError) in
            outcome = try await intake.call("TransferFiling", request, as: TransferOutcome.self)
        }
        guard status == 0, let outcome else { return status }
        try TransferReceipt.save(outcome, arguments: arguments, output: output)   // before printing: see submit
        output.json ? output.json(outcome) : output.show(outcome, forOperator: false)
        return 0
    }
}

/// `beian filing transfer-status`: where a transferred filing went (移交去向; its operator, or staff).
enum FilingTransferStatusCommand: ConsoleCommand {
    static let name = "transfer-status"
    static let summary = "where a transferred filing went: the office, new filing id and access code"
    static let usage = """
        beian filing transfer-status [ADDR] (--receipt FILE | --filing-id ID --access-code CODE)   (operator)
        beian filing transfer-status [ADDR] FILING_ID                                       (staff)
                                     [--save-receipt FILE] [--json] [--lang en]

          Shows the office the filing was transferred to, its new filing id there and the new access code
          (GetTransfer), with the old receipt: the filing continues at that office. NOT_FOUND (exit 5) when
          it was not transferred. --save-receipt FILE writes the new id and code as a receipt (mode 0600).
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(OperatorCredentials.options)
                                        .union(["save-receipt"]),
                                      flags: ["json"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let (id, metadata) = try FilingTarget.resolve(arguments, intake)
        var outcome: TransferOutcome?
        let status = await IntakeConnection.reporting(output) { () throws(RPCError) in
            outcome = try await intake.call("GetTransfer", GetTransferRequest(filingId: id), as: TransferOutcome.self,
                                            metadata: metadata)
        }
        guard status == 0, let outcome else { return status }
        try TransferReceipt.save(outcome, arguments: arguments, output: output)
        output.json ? output.json(outcome) : output.show(outcome, forOperator: !metadata.isEmpty)
        return 0
    }
}

/// The receipt of a transferred filing at its new office (`--save-receipt`).
enum TransferReceipt {
    private struct Receipt: Encodable {
        var officeCode: String
        var filingId: String
        var accessCode: String
        var transferredFrom: String
    }

    static func save(_ outcome: TransferOutcome, arguments: Arguments, output: Output) throws(ConsoleError) {
        guard let path = arguments.value("save-receipt") else { return }
        let receipt = Receipt(officeCode: outcome.targetOffice, filingId: outcome.targetFilingId,
                              accessCode: outcome.targetAccessCode, transferredFrom: outcome.filingId)
        let bytes: [UInt8]
        do {
            bytes = Array(PrettyPrinter.format(try JSONCoding.encodeValue(receipt)).utf8) + [0x0A]
        } catch {
            throw ConsoleError.failure(zh: "无法编码新回执：\(error)", en: "cannot encode the receipt: \(error)")
        }
        try PrivateFile.save(bytes, to: path)
        output.error(output.text("新回执已保存到 \(path)（仅本人可读）", "new receipt saved to \(path) (mode 0600)"))
    }
}

/// A transfer, with the new access code set apart.
extension Output {
    func show(_ outcome: TransferOutcome, forOperator: Bool) {
        line(field("备案编号", "Filing id", outcome.filingId) + "  "
             + field("本办状态", "status here", label(outcome.status)))
        line(field("已移交", "Transferred to", text("网信办 \(outcome.targetOffice)", "office \(outcome.targetOffice)")))
        line(field("新的备案编号", "New filing id", outcome.targetFilingId))
        if let zh = outcome.targetScopeZh, let en = outcome.targetScopeEn {
            let overridden = outcome.targetScopeOverridden == true ? text("（经负责人确认仍移交）", " (transferred anyway by the head)") : ""
            line(field("对方备案范围", "Scope there", text(zh, en) + overridden))
        }
        line(String(repeating: "=", count: 60))
        line("  " + field("新的查询码", "New access code", outcome.targetAccessCode))
        line("  " + (forOperator
            ? text("请凭新的备案编号和查询码向网信办\(outcome.targetOffice)查询和办理；原编号和查询码在本办仍可查看移交去向。",
                   "Use the new filing id and access code with office \(outcome.targetOffice) from now on; the old "
                    + "ones still show this transfer here.")
            : text("请将新的备案编号和查询码告知备案人（备案人也可凭原回执用 transfer-status 查看）。",
                   "Give the new filing id and access code to the operator (who can also see them with "
                    + "transfer-status and the old receipt).")))
        line(String(repeating: "=", count: 60))
        line(field("移交理由", "Reason", outcome.reason))
        line(field("移交时间", "Transferred", time(outcome.transferredAt)))
    }
}
