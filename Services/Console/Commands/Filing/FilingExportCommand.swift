import BeianJSON
import BeianRPC
import Foundation
import IntakeService

/// `beian filing export`: the office's filings as a CSV file for spreadsheets (备案台账导出; staff).
enum FilingExportCommand: ConsoleCommand {
    static let name = "export"
    static let summary = "the filings matching list's filters as a CSV file (staff; numbers masked)"
    static let usage = """
        beian filing export [ADDR] --out FILE.csv|- [--status S] [--platform P] [--object-kind K]
                            [--operator-kind unit|individual] [--local-office CODE | --local-office ""]
                            [--government yes|no] [--timeliness T] [--late yes|no]
                            [--verification pending|verified|invalid] [--review-needed yes|no]
                            [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--query TEXT] [--json] [--lang en]

          Writes the CSV intake streams (ExportFilings; staff certificate: clerk, head or auditor) byte for
          byte: UTF-8 with a byte-order mark (Excel opens it as is), CRLF line ends, one header row with
          Chinese and English column names, one row per filing. ID numbers and mobiles are masked. FILE is
          created with mode 0600 and appears only when the whole export arrived; --out - writes to standard
          output. Prints the number of rows (on standard error with --out -). The filters are list's
          (beian filing help list); every export is recorded on the office's audit log.
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let filters = FilingListCommand.filterOptions.subtracting(["page-size", "cursor"])
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(filters).union(["out"]),
                                      flags: ["json"], aliases: IntakeConnection.aliases.merging(["o": "out"]) { $1 })
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        guard intake.rest.isEmpty else { throw ConsoleError.unexpectedArgument(intake.rest[0]) }
        guard let path = arguments.value("out"), !path.isEmpty else {
            throw ConsoleError.usage(zh: "需要 --out FILE.csv（保存到哪个文件；--out - 输出到标准输出）",
                                     en: "--out FILE.csv is required (--out - for standard output)")
        }
        let request = ExportFilingsRequest(try FilingListCommand.request(arguments).filters)
        let toStandardOutput = path == "-"
        var counter = CSVRecordCounter()
        var bytes = 0
        var failure: ConsoleError?
        let status = await IntakeConnection.reporting(output) { () throws(RPCError) in
            let file: PrivateFileWriter?
            do {
                file = toStandardOutput ? nil : try PrivateFileWriter(path: path)
                let stream = try await intake.openStream("ExportFilings", request, as: ExportChunk.self)
                for try await message in stream {
                    let piece = Array(message.chunk.utf8)
                    counter.feed(piece)
                    bytes += piece.count
                    if let file {
                        try file.write(piece)
                    } else {
                        let failed = StandardStreams.write(piece, to: STDOUT_FILENO)
                        if failed == EPIPE { StandardStreams.endForBrokenPipe() }
                        if failed != 0 {
                            throw FileErrors.cannotWrite(output.text("标准输出", "standard output"), failed)
                        }
                    }
                }
                try file?.commit()
            } catch let error as ConsoleError {
                failure = error
            } catch {
                throw error.asRPCError
            }
        }
        if let failure { throw failure }
        guard status == 0 else { return status }
        let rows = max(0, counter.total - 1)
        if output.json {
            let report = ExportReport(out: path, rows: rows, bytes: bytes)
            let text = (try? JSONCoding.encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            toStandardOutput ? output.error(text) : output.line(text)
            return 0
        }
        let destination = toStandardOutput ? output.text("标准输出", "standard output")
            : path + output.text("（仅本人可读）", " (mode 0600)")
        let summary = output.text("已导出\(rows)条备案到\(destination)；证件号码和手机号已脱敏。",
                                  "exported \(rows) filing(s) to \(destination); ID numbers and mobiles masked.")
        toStandardOutput ? output.error(summary) : output.line(summary)
        return 0
    }

    /// What `--json` prints.
    private struct ExportReport: Encodable {
        var out: String
        var rows: Int
        var bytes: Int
    }
}

/// Counts CSV records (RFC 4180) in text arriving in pieces: a record ends at a line feed outside
/// quotes, so quoted fields with line breaks stay one record.
struct CSVRecordCounter {
    private(set) var records = 0
    private var quoted = false
    private var pending = false

    mutating func feed(_ bytes: [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle(); pending = true
            case UInt8(ascii: "\n") where !quoted: records += 1; pending = false
            case UInt8(ascii: "\r") where !quoted: break
            default: pending = true
            }
        }
    }

    /// Records including a last one without a line end.
    var total: Int { records + (pending ? 1 : 0) }
}
