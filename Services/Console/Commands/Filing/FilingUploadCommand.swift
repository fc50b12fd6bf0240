import BeianJSON
import BeianModel
import BeianRPC
import BeianRuntime
import Foundation
import IntakeService

/// `beian filing upload`: attaches a scanned material (上传备案材料) to a filing, in chunks.
enum FilingUploadCommand: ConsoleCommand {
    static let name = "upload"
    static let summary = "upload a material (PDF, JPEG or PNG) to a filing; prints what is still missing"
    static let usage = """
        beian filing upload [ADDR] FILE --kind KIND (--receipt FILE | --filing-id ID --access-code CODE)  (operator)
        beian filing upload [ADDR] FILING_ID FILE --kind KIND                           (staff: clerk or head)
                            [--filename NAME] [--max-bytes N] [--json] [--lang en]

          Streams the file to intake (UploadMaterial) in chunks of 256 KiB, with a progress line for files
          of 1 MiB or more, then shows the stored material (kind, type, size, SHA-256) and the materials
          the filing still lacks. Intake recognizes PDF, JPEG and PNG by their content: renaming a file
          does not change its type. --filename NAME is the name recorded (default: FILE's name).
          Files over --max-bytes (default BEIAN_MATERIAL_MAX_BYTES, else 10 MiB, the service's default
          limit) are refused before sending (exit 8); the service applies its own limits per file and per
          filing (RESOURCE_EXHAUSTED, exit 8).
          KIND is a wire value or its Chinese name; also 营业执照, 组织机构代码证, 备案表, 会议纪要 ..., and
          身份证复印件 (the operator's own for individuals; for units, the ID copy the filing lacks):
        """ + "\n" + MaterialKindNames.usageList + "\n" + IntakeConnection.usageTail

    /// The service's default per-file limit.
    static let defaultMaxBytes = 10 << 20
    /// Bytes per message.
    static let chunkSize = 256 << 10

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(OperatorCredentials.options)
                                        .union(["kind", "filename", "max-bytes"]),
                                      flags: ["json"], aliases: IntakeConnection.aliases)
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let credentials = try OperatorCredentials.from(arguments)
        let id = try credentials?.filingId ?? intake.positional(0, zh: "FILING_ID（工作人员）或 --receipt FILE（备案人）",
                                                                en: "FILING_ID (staff) or --receipt FILE (operator)")
        let path = try intake.positional(credentials == nil ? 1 : 0, zh: "FILE（要上传的材料文件）", en: "FILE")
        guard intake.rest.count == (credentials == nil ? 2 : 1) else {
            throw ConsoleError.unexpectedArgument(intake.rest.last ?? "")
        }
        guard let kindText = arguments.value("kind") else {
            throw ConsoleError.usage(zh: "需要 --kind KIND（材料种类，如 --kind 营业执照 或 --kind own_id_copy）",
                                     en: "--kind KIND is required (e.g. --kind 营业执照 or --kind own_id_copy)")
        }
        guard let choice = MaterialKindNames.choice(kindText) else {
            throw ConsoleError.usage(zh: "没有这种材料种类：“\(kindText)”，可选的种类见下",
                                     en: "unknown material kind \"\(kindText)\"; kinds:\n" + MaterialKindNames.usageList)
        }
        let file = try MaterialFile(path: path)
        let limit = try maxBytes(arguments)
        if file.size > limit {
            output.error(output.text(
                "RESOURCE_EXHAUSTED: 文件 \(path) 有\(ByteSize.exact(file.size, output))，超过单个材料上限"
                    + "\(ByteSize.exact(limit, output))，未上传。请压缩或降低扫描分辨率后再上传（服务端上限更高时用 --max-bytes N）。",
                "RESOURCE_EXHAUSTED: \(path) is \(ByteSize.exact(file.size, output)), over the per-file limit of "
                    + "\(ByteSize.exact(limit, output)); nothing was sent. Compress it or scan at a lower resolution "
                    + "(--max-bytes N when the service allows more)."))
            return RPCStatus.Code.resourceExhausted.exitCode
        }
        let metadata = credentials?.metadata ?? [:]
        let filename = arguments.value("filename") ?? URL(fileURLWithPath: path).lastPathComponent
        do {
            let kind = try await resolve(choice, id: id, intake: intake, metadata: metadata, output: output)
            let response = try await upload(file, id: id, kind: kind, filename: filename, intake: intake,
                                            metadata: metadata, output: output)
            output.json ? output.json(response) : output.show(response)
            return 0
        } catch let error as RPCError {
            output.show(error)
            if !output.json { hint(error, file: file, output: output) }
            return error.code.exitCode
        }
    }

    /// The kind to send; an unspecific ID card copy is resolved against the filing.
    private static func resolve(_ choice: MaterialKindNames.Choice, id: String, intake: IntakeConnection,
                                metadata: [String: String], output: Output) async throws(RPCError) -> MaterialKind {
        switch choice {
        case .kind(let kind): return kind
        case .identityCopy:
            let view = try await intake.call("GetFiling", GetFilingRequest(filingId: id), as: FilingView.self,
                                             metadata: metadata)
            let kind = MaterialKindNames.identityCopy(for: view)
            if !output.json {
                output.error(output.text("身份证复印件按本备案所需记为：\(kind.zh)（\(kind.rawValue)）",
                                         "ID card copy recorded as \(kind.rawValue) (what this filing needs)"))
            }
            return kind
        }
    }

    /// Sends the first message and the chunks, then reads the answer (or the status of an early end).
    private static func upload(_ file: MaterialFile, id: String, kind: MaterialKind, filename: String,
                               intake: IntakeConnection, metadata: [String: String],
                               output: Output) async throws -> UploadMaterialResponse {
        let call = try await intake.openUpload("UploadMaterial", metadata: metadata)
        var progress = ByteProgress(total: file.size, zh: "上传", en: "uploaded", output: output)
        do {
            try call.send(UploadMaterialMessage(filingId: id, kind: kind.rawValue, filename: filename))
            var sent = 0
            while let chunk = try file.read(upTo: chunkSize) {
                try call.send(UploadMaterialMessage(data: Data(chunk).base64EncodedString()))
                sent += chunk.count
                progress.advance(to: sent)
            }
            call.end()
        } catch let error as ConsoleError {
            call.cancel()
            throw error
        } catch {
            // The service ended the call early (a limit, the type): its status is what collect() throws.
        }
        let responses = try await call.collect()
        guard let first = responses.first else {
            throw RPCError(.internal, "the service ended the upload without an answer")
        }
        do {
            return try JSONCoding.decode(UploadMaterialResponse.self, from: first)
        } catch {
            throw RPCError(.internal, "cannot read the answer: \(error)")
        }
    }

    private static func maxBytes(_ arguments: Arguments) throws(ConsoleError) -> Int {
        if let value = try arguments.integer("max-bytes") {
            guard value > 0 else {
                throw ConsoleError.usage(zh: "--max-bytes 应为正整数，而不是 \(value)", en: "--max-bytes must be positive, got \(value)")
            }
            return value
        }
        if let text = Environment.process.get("BEIAN_MATERIAL_MAX_BYTES"), let value = Int(text), value > 0 {
            return value
        }
        return defaultMaxBytes
    }

    /// A line on what to do about a refused upload.
    private static func hint(_ error: RPCError, file: MaterialFile, output: Output) {
        if error.fieldViolations.contains(where: { $0.rule == "unsupported_type" }) {
            output.error(output.text(
                "  提示：\(file.path) 的内容\(file.looksLike.zh)，不是PDF、JPEG或PNG；改扩展名不能改变文件类型，请上传扫描件或另存为PDF。",
                "  hint: \(file.path) \(file.looksLike.en), not PDF, JPEG or PNG; renaming does not change the type: "
                    + "upload the scan, or save the document as PDF."))
        } else if error.code == .resourceExhausted {
            output.error(output.text("  提示：请压缩文件或降低扫描分辨率后再上传；已上传的材料不受影响。",
                                     "  hint: compress the file or scan at a lower resolution; materials already "
                                        + "uploaded are kept."))
        }
    }
}
