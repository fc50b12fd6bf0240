import BeianJSON
import BeianRPC
import Foundation
import IntakeService
import Testing

/// Streaming calls of `beian.intake.v1.Intake` as a client makes them.
extension RPCClient {
    /// Uploads `bytes` as a material in chunks of `chunk` bytes; `metadata` carries an operator's
    /// credentials when needed.
    func upload(_ filingId: String, kind: String, filename: String?, bytes: [UInt8], chunk: Int = 64 << 10,
                metadata: [String: String] = [:]) async throws -> UploadMaterialResponse {
        let call = try await open(Self.intake + "UploadMaterial",
                                  options: CallOptions(metadata: metadata, timeout: .seconds(30)))
        do {
            try call.send(UploadMaterialMessage(filingId: filingId, kind: kind, filename: filename))
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                let piece = Data(bytes[start..<min(start + chunk, bytes.count)])
                try call.send(UploadMaterialMessage(data: piece.base64EncodedString()))
            }
            call.end()
        } catch {
            // The server ended the call early (a limit): its status is what the responses say.
        }
        let responses = try await call.collect()
        return try JSONCoding.decode(UploadMaterialResponse.self, from: try #require(responses.first))
    }

    /// As the operator of `receipt`.
    func upload(as receipt: SubmissionReceipt, kind: String, filename: String?, bytes: [UInt8],
                chunk: Int = 64 << 10) async throws -> UploadMaterialResponse {
        try await upload(receipt.filingId, kind: kind, filename: filename, bytes: bytes, chunk: chunk,
                         metadata: ["filing-id": receipt.filingId, "access-code": receipt.accessCode])
    }

    /// Downloads a material: its description and bytes.
    func download(_ filingId: String, sha256: String) async throws -> (MaterialInfo, [UInt8]) {
        let request = try JSONCoding.encodeValue(MaterialRequest(filingId: filingId, sha256: sha256))
        let call = try await open(Self.intake + "GetMaterial", message: request,
                                  end: true, options: CallOptions(timeout: .seconds(30)))
        var info: MaterialInfo?
        var bytes: [UInt8] = []
        for try await message in call.responses.decoded(as: MaterialChunk.self) {
            if let material = message.material { info = material }
            if let data = message.data { bytes += [UInt8](try #require(Data(base64Encoded: data))) }
        }
        return (try #require(info), bytes)
    }

    /// Every message of a server-streaming call, decoded.
    func stream<Request: Encodable, Response: Decodable & Sendable>(
        _ method: String, _ request: Request, as: Response.Type, metadata: [String: String] = [:]
    ) async throws -> [Response] {
        let call = try await open(Self.intake + method, message: try JSONCoding.encodeValue(request), end: true,
                                  options: CallOptions(metadata: metadata, timeout: .seconds(60)))
        var messages: [Response] = []
        for try await message in call.responses.decoded(as: Response.self) { messages.append(message) }
        return messages
    }
}

/// Small files of each type (and one that is none of them).
enum SampleFiles {
    /// A PDF whose body holds `marker`.
    static func pdf(_ marker: String = "beian", size: Int = 2000) -> [UInt8] {
        padded(Array("%PDF-1.7\n% \(marker)\n".utf8), size)
    }

    /// A JPEG header and filler.
    static func jpeg(size: Int = 1500) -> [UInt8] {
        padded([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8), size)
    }

    /// A PNG signature and filler.
    static func png(size: Int = 1200) -> [UInt8] { padded([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size) }

    /// A Windows executable (`MZ`).
    static func exe(size: Int = 1000) -> [UInt8] { padded(Array("MZ\u{90}\u{0}".utf8), size) }

    private static func padded(_ head: [UInt8], _ size: Int) -> [UInt8] {
        var bytes = head
        var state: UInt32 = UInt32(size) &* 2_654_435_761
        while bytes.count < size {
            state = state &* 1_103_515_245 &+ 12_345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        return bytes
    }
}
