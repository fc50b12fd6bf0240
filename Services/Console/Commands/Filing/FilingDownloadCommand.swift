import BeianRPC
import BeianTLS
import Foundation
import IntakeService

/// `beian filing download`: one material's bytes to a private file, checked against its SHA-256
/// (下载材料; staff).
enum FilingDownloadCommand: ConsoleCommand {
    static let name = "download"
    static let summary = "download a material to a file (mode 0600), checked by SHA-256 (staff)"
    static let usage = """
        beian filing download [ADDR] FILING_ID SHA256 --out FILE [--json] [--lang en]

          Streams the material (GetMaterial; staff certificate: clerk, head or auditor) into FILE, created
          with mode 0600 (only you can read it: materials hold personal data), then reads FILE back and
          checks its SHA-256 and size. SHA256 may be a unique prefix (at least 6 hex digits) of one listed by
          beian filing materials FILING_ID. FILE appears only when the whole material arrived and matched.
          Reading an ID card copy is recorded on the office's audit log.
        """ + "\n" + IntakeConnection.usageTail

    static func run(_ raw: [String]) async throws -> Int32 {
        let arguments = try Arguments(raw, options: IntakeConnection.options.union(["out"]),
                                      flags: ["json"], aliases: IntakeConnection.aliases.merging(["o": "out"]) { $1 })
        let output = try Output(arguments)
        let intake = try IntakeConnection(arguments)
        let id = try intake.positional(0, zh: "FILING_ID（备案编号）", en: "FILING_ID")
        let digest = try intake.positional(1, zh: "SHA256（材料的SHA-256，beian filing materials FILING_ID 会列出）",
                                             en: "SHA256 (beian filing materials FILING_ID lists them)").lowercased()
        guard intake.rest.count == 2 else { throw ConsoleError.unexpectedArgument(intake.rest[2]) }
        guard digest.count >= 6, digest.count <= 64, digest.allSatisfy({ $0.isASCII && $0.isHexDigit }) else {
            throw ConsoleError.usage(zh: "SHA256 应为十六进制（64位，或至少6位的前缀），而不是“\(digest)”",
                                     en: "SHA256 must be hexadecimal (64 digits, or a prefix of at least 6), got \"\(digest)\"")
        }
        guard let path = arguments.value("out"), !path.isEmpty else {
            throw ConsoleError.usage(zh: "需要 --out FILE（保存到哪个文件）", en: "--out FILE is required")
        }
        var written: (MaterialInfo, Int)?
        var failure: ConsoleError?
        let status = await IntakeConnection.reporting(output) { () throws(RPCError) in
            let sha256 = try await fullDigest(digest, id: id, intake: intake)
            do {
                written = try await download(id: id, sha256: sha256, to: path, intake: intake, output: output)
            } catch let error as ConsoleError {
                failure = error
            } catch {
                throw error.asRPCError
            }
        }
        if let failure { throw failure }
        guard status == 0, let (material, size) = written else { return status }
        if output.json {
            output.json(DownloadReport(filingId: id, material: material, out: path, size: size, sha256Verified: true))
        } else {
            output.line(output.field("已下载", "Downloaded", "\(output.label(material.kind)) (\(material.kind.rawValue))  "
                                     + "\(output.mediaTypeName(material.mediaType))  \(ByteSize.exact(size, output))"))
            output.line(output.field("保存到", "Saved to", path + output.text("（仅本人可读）", " (mode 0600)")))
            output.line("SHA-256" + output.text("：", ": ") + material.sha256 + output.text("（校验一致）", " (verified)"))
        }
        return 0
    }

    /// What `--json` prints.
    private struct DownloadReport: Encodable {
        var filingId: String
        var material: MaterialInfo
        var out: String
        var size: Int
        var sha256Verified: Bool
    }

    /// The whole SHA-256 for a prefix, from the filing's list.
    private static func fullDigest(_ digest: String, id: String,
                                   intake: IntakeConnection) async throws(RPCError) -> String {
        guard digest.count < 64 else { return digest }
        let list = try await intake.call("ListMaterials", MaterialRequest(filingId: id), as: MaterialListResponse.self)
        let matches = Set(list.materials.map(\.sha256).filter { $0.hasPrefix(digest) })
        guard matches.count == 1, let only = matches.first else {
            throw RPCError(matches.isEmpty ? .notFound : .invalidArgument, matches.isEmpty
                ? "filing \(id) has no material whose SHA-256 starts with \(digest) / 未找到该材料"
                : "\(matches.count) materials of filing \(id) start with \(digest): give more digits / 前缀不唯一")
        }
        return only
    }

    /// Streams the material into the file and checks what was written; the material and its size.
    private static func download(id: String, sha256: String, to path: String, intake: IntakeConnection,
                                 output: Output) async throws -> (MaterialInfo, Int) {
        let stream = try await intake.openStream("GetMaterial", MaterialRequest(filingId: id, sha256: sha256),
                                                 as: MaterialChunk.self)
        let file = try PrivateFileWriter(path: path)
        var material: MaterialInfo?
        var progress: ByteProgress?
        for try await message in stream {
            if let info = message.material {
                material = info
                progress = ByteProgress(total: info.size, zh: "下载", en: "downloaded", output: output)
            }
            guard let text = message.data else { continue }
            guard let bytes = Data(base64Encoded: text) else {
                throw RPCError(.internal, "the service sent a chunk that is not base64")
            }
            try file.write([UInt8](bytes))
            progress?.advance(to: file.count)
        }
        guard let material else { throw RPCError(.internal, "the service sent no description of the material") }
        try file.commit()
        // Check what is on disk, not what was meant to be written.
        let (digest, size) = try hash(path)
        guard digest == sha256, digest == material.sha256, size == material.size else {
            unlink(path)
            throw ConsoleError.failure(
                zh: "下载的文件与材料不一致：SHA-256 \(digest)（\(size)字节），应为 \(material.sha256)（\(material.size)字节）；"
                    + "已删除\(path)",
                en: "the downloaded file does not match: SHA-256 \(digest) (\(size) bytes), expected "
                    + "\(material.sha256) (\(material.size) bytes); \(path) was removed")
        }
        return (material, size)
    }

    /// SHA-256 (hex) and size of a file, read in pieces.
    private static func hash(_ path: String) throws(ConsoleError) -> (String, Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileErrors.cannotRead(path)
        }
        defer { try? handle.close() }
        let hasher = SHA256Hasher()
        var size = 0
        do {
            while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
                hasher.update(data)
                size += data.count
            }
        } catch {
            throw ConsoleError.failure(zh: "无法读回\(path)：\(error.localizedDescription)",
                                       en: "cannot read back \(path): \(error.localizedDescription)")
        }
        return (Hex.encode(hasher.finalize()), size)
    }
}
