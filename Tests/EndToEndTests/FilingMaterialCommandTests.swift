import BeianJSON
import BeianTLS
import Foundation
import IntakeService
import Testing
import TestSupport

/// `beian filing upload`, `materials` and `download` as processes against a real office.
@Suite("beian filing materials: upload, list, download")
struct FilingMaterialCommandTests {
    @Test("uploads shrink the missing materials; bad files are refused readably; a clerk downloads the bytes back")
    func uploadAndDownload() async throws {
        // Kaiping asks individuals for their ID card copy and the filing form. Intake allows 1.2 MB per file.
        try await withIntakeOffice("440783", today: "2024-01-25",
                                   extra: ["BEIAN_MATERIAL_MAX_BYTES": "1200000"]) { office in
            let receipt = try await office.operatorClient().submit(
                Forms.individual("开平侨乡美食", region: "440783", sequence: 51, followers: 9000))
            let receiptFile = office.root.file("receipt.json")
            try SampleMaterials.write(try JSONCoding.encode(receipt), to: receiptFile)
            let operatorCLI = BeianCLI.anonymous(office)
            let clerk = try BeianCLI.clerk(office, name: "材料科员")
            let id = receipt.filingId

            let before = try await operatorCLI.filing(["materials", "--receipt", receiptFile, "--json"])
            #expect(before.exitCode == 0, "\(before.standardError)")
            #expect(try missingKinds(before) == [["own_id_copy"], ["filing_form"]])

            // The operator: an ID card copy as PDF, named the way people say it.
            let pdf = SampleMaterials.pdf("身份证正反面")
            try SampleMaterials.write(pdf, to: office.root.file("身份证.pdf"))
            let uploaded = try await operatorCLI.filing(["upload", office.root.file("身份证.pdf"), "--kind", "身份证复印件",
                                                         "--receipt", receiptFile])
            #expect(uploaded.exitCode == 0, "\(uploaded.standardError)")
            #expect(uploaded.standardOutput.contains("已保存材料：本人身份证复印件 (own_id_copy)"))
            #expect(uploaded.standardOutput.contains("类型：PDF (application/pdf)"))
            #expect(uploaded.standardOutput.contains("SHA-256：\(SHA256.hexHash(pdf))"))
            #expect(uploaded.standardOutput.contains("大小：1.5 KiB（1500 字节）"))
            #expect(uploaded.standardOutput.contains("仍缺材料："))

            // A clerk: the filing form as a PNG photo, in English; nothing required is missing any more.
            let png = SampleMaterials.png()
            try SampleMaterials.write(png, to: office.root.file("form.png"))
            let form = try await clerk.filing(["upload", id, office.root.file("form.png"), "--kind", "备案表",
                                               "--lang", "en"])
            #expect(form.exitCode == 0, "\(form.standardError)")
            #expect(form.standardOutput.contains("Stored: filing form (filing_form)"), "English name, then the wire value")
            #expect(form.standardOutput.contains("type: PNG (image/png)"))
            #expect(form.standardOutput.contains("No required material is missing"))
            let after = try await clerk.filing(["materials", id, "--json"])
            #expect(try missingKinds(after).isEmpty)
            let listed = try await clerk.filing(["materials", id])
            #expect(listed.standardOutput.contains("本人身份证复印件"), "\(listed.standardOutput)")
            #expect(listed.standardOutput.contains("材料已齐全"))

            // Refusals: a text file renamed to .pdf (content decides), too big here, too big at intake.
            try SampleMaterials.write(SampleMaterials.textPretendingToBePDF, to: office.root.file("纪要.pdf"))
            let renamed = try await operatorCLI.filing(["upload", office.root.file("纪要.pdf"), "--kind", "other",
                                                        "--receipt", receiptFile])
            #expect(renamed.exitCode == 3)
            #expect(renamed.standardError.contains("INVALID_ARGUMENT"))
            #expect(renamed.standardError.contains("仅接受PDF、JPEG或PNG文件"))
            #expect(renamed.standardError.contains("纪要.pdf 的内容是文本，不是PDF、JPEG或PNG"), "\(renamed.standardError)")
            let local = try await clerk.filing(["upload", id, office.root.file("身份证.pdf"), "--kind", "other",
                                                "--max-bytes", "1000"])
            #expect(local.exitCode == 8)
            #expect(local.standardError.contains("超过单个材料上限"))
            let big = SampleMaterials.pdf("扫描件", size: 1_300_000)
            try SampleMaterials.write(big, to: office.root.file("big.pdf"))
            let refused = try await clerk.filing(["upload", id, office.root.file("big.pdf"), "--kind", "other"])
            #expect(refused.exitCode == 8, "\(refused.standardError)")
            #expect(refused.standardError.contains("RESOURCE_EXHAUSTED"))
            #expect(refused.standardError.contains("BEIAN_MATERIAL_MAX_BYTES"))
            let unknownKind = try await clerk.filing(["upload", id, office.root.file("big.pdf"), "--kind", "照片"])
            #expect(unknownKind.exitCode == 2)
            #expect(unknownKind.standardError.contains("business_licence"), "the kinds are listed")

            // A file over 1 MiB shows its progress, and comes back whole.
            let large = SampleMaterials.pdf("大文件", size: 1_100_000)
            try SampleMaterials.write(large, to: office.root.file("large.pdf"))
            let progress = try await clerk.filing(["upload", id, office.root.file("large.pdf"), "--kind", "other",
                                                   "--lang", "en"])
            #expect(progress.exitCode == 0, "\(progress.standardError)")
            #expect(progress.standardError.contains("uploaded 1.0 MiB of 1.0 MiB (100%)"), "\(progress.standardError)")

            // Download: by a prefix of the digest, mode 0600, the same bytes; the operator may not.
            let copy = office.root.file("copy.pdf")
            let downloaded = try await clerk.filing(["download", id, String(SHA256.hexHash(pdf).prefix(10)),
                                                     "--out", copy])
            #expect(downloaded.exitCode == 0, "\(downloaded.standardError)")
            #expect(downloaded.standardOutput.contains("校验一致"))
            #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: copy))) == pdf)
            let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let largeCopy = office.root.file("large-copy.pdf")
            let whole = try await clerk.filing(["download", id, SHA256.hexHash(large), "--out", largeCopy, "--json"])
            #expect(whole.exitCode == 0, "\(whole.standardError)")
            #expect(try JSONParser.parse(Array(whole.standardOutput.utf8))["sha256_verified"]?.boolValue == true)
            #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: largeCopy))) == large)
            let stranger = try await operatorCLI.filing(["download", id, SHA256.hexHash(pdf), "--out",
                                                         office.root.file("stolen.pdf")])
            #expect(stranger.exitCode == 16)
            #expect(!FileManager.default.fileExists(atPath: office.root.file("stolen.pdf")))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: office.root.path)
            #expect(!leftovers.contains { $0.hasSuffix(".partial") }, "\(leftovers)")
        }
    }

    /// The kinds of each missing-material rule in `materials --json` output.
    private func missingKinds(_ output: ProcessRunner.Output) throws -> [[String]] {
        let value = try JSONParser.parse(Array(output.standardOutput.utf8))
        return (value["missing_materials"]?.arrayValue ?? []).map { rule in
            (rule["any_of"]?.arrayValue ?? []).compactMap(\.stringValue)
        }
    }
}
