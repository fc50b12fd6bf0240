import BeianJSON
import BeianModel
import BeianRPC
import BeianStore
import BeianTLS
import IntakeService
import Testing
import TestSupport

@Suite("Uploaded materials")
struct MaterialTests {
    @Test("PDF, JPEG and PNG are kept with the type from their bytes and their SHA-256; missing materials shrink")
    func uploadsShrinkMissing() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-10") { intake in
            let client = try intake.operatorClient()
            let receipt = try await client.submit(Submissions.individualAccount(
                name: "开平碉楼", followers: 6000, region: "440783"))
            #expect(Set(receipt.missingMaterials.flatMap(\.anyOf)) == [.ownIdCopy, .filingForm])

            // The file name says PNG; the bytes say JPEG: the bytes win.
            let jpeg = SampleFiles.jpeg()
            let first = try await client.upload(as: receipt, kind: "own_id_copy", filename: "身份证.png", bytes: jpeg,
                                                chunk: 500)
            #expect(first.material.mediaType == "image/jpeg")
            #expect(first.material.sha256 == SHA256.hexHash(jpeg))
            #expect(first.material.size == jpeg.count)
            #expect(first.material.filename == "身份证.png")
            #expect(first.missingMaterials.flatMap(\.anyOf) == [.filingForm])

            let pdf = SampleFiles.pdf("登记备案表")
            let second = try await client.upload(as: receipt, kind: "filing_form", filename: "备案表.pdf", bytes: pdf)
            #expect(second.material.mediaType == "application/pdf")
            #expect(second.missingMaterials.isEmpty)
            #expect(second.materials.map(\.kind) == [.ownIdCopy, .filingForm])

            let png = SampleFiles.png()
            let clerk = try intake.staffClient()
            let third = try await clerk.upload(receipt.filingId, kind: "other", filename: "截图", bytes: png)
            #expect(third.material.mediaType == "image/png")
            #expect(third.material.sha256 == SHA256.hexHash(png))

            let view = try await clerk.get(receipt.filingId)
            #expect(view.missingMaterials.isEmpty)
            #expect(view.uploadedMaterials.count == 3)
            let listed: MaterialListResponse = try await client.asOperator(
                receipt, "ListMaterials", MaterialRequest(filingId: receipt.filingId))
            #expect(listed.materials.map(\.sha256) == [first, second, third].map(\.material.sha256))
            #expect(listed.missingMaterials.isEmpty)

            let (info, bytes) = try await clerk.download(receipt.filingId, sha256: second.material.sha256)
            #expect(info.kind == .filingForm)
            #expect(bytes == pdf)
            let history = view.history.filter { $0.action == "attach_material" }
            #expect(history.count == 3)
            #expect(history.first?.details["kind"] == "own_id_copy")
        }
    }

    @Test("a renamed executable is refused: only PDF, JPEG or PNG", arguments: [1, 3, 64])
    func executableRefused(chunk: Int) async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-05-20") { intake in
            let client = try intake.operatorClient()
            let receipt = try await client.submit(Submissions.individualAccount(name: "商洛山水", region: "611021"))
            let error = try #require(await capturedRPCError {
                try await client.upload(as: receipt, kind: "filing_form", filename: "备案表.pdf",
                                        bytes: SampleFiles.exe(), chunk: chunk)
            })
            #expect(error.code == .invalidArgument)
            #expect(error.message == "仅接受PDF、JPEG或PNG文件（按文件内容识别，与文件名无关） / only PDF, JPEG or PNG "
                + "files are accepted (recognized from the content, not the file name)")
            let violation = try #require(error.fieldViolations.first)
            #expect(violation.descriptionZh == "仅接受PDF、JPEG或PNG文件（按文件内容识别，与文件名无关）")
            #expect(violation.descriptionEn?.hasPrefix("only PDF, JPEG or PNG files are accepted") == true)
            let empty = try #require(await capturedRPCError {
                try await client.upload(as: receipt, kind: "filing_form", filename: "空.pdf", bytes: [])
            })
            #expect(empty.code == .invalidArgument)
            #expect(empty.message == "未收到文件内容 / no bytes were sent")
            let count = try await intake.runtime.store.read { db in
                try db.fetchValue(Int.self, "SELECT count(*) FROM material_blob")
            }
            #expect(count == 0)
        }
    }

    @Test("per-file and per-filing limits answer RESOURCE_EXHAUSTED naming the limit")
    func limits() async throws {
        let extra = ["BEIAN_MATERIAL_MAX_BYTES": "4096", "BEIAN_FILING_MATERIALS_MAX_BYTES": "10000"]
        try await IntakeHarness.with(office: "611000", today: "2021-05-20", extra: extra) { intake in
            let client = try intake.operatorClient()
            let receipt = try await client.submit(Submissions.individualAccount(name: "商洛山水", region: "611021"))
            let big = try #require(await capturedRPCError {
                try await client.upload(as: receipt, kind: "filing_form", filename: "big.pdf",
                                        bytes: SampleFiles.pdf(size: 5000), chunk: 1000)
            })
            #expect(big.code == .resourceExhausted)
            #expect(big.message.contains("per-file limit of 4096 bytes"))

            for index in 0..<2 {
                _ = try await client.upload(as: receipt, kind: "other", filename: "\(index).pdf",
                                            bytes: SampleFiles.pdf("part \(index)", size: 4000))
            }
            let over = try #require(await capturedRPCError {
                try await client.upload(as: receipt, kind: "other", filename: "2.pdf",
                                        bytes: SampleFiles.pdf("part 2", size: 4000))
            })
            #expect(over.code == .resourceExhausted)
            #expect(over.message.contains("per-filing limit of 10000 bytes"))
            let listed: MaterialListResponse = try await client.asOperator(
                receipt, "ListMaterials", MaterialRequest(filingId: receipt.filingId))
            #expect(listed.materials.count == 2)
        }
    }

    @Test("the same bytes are stored once, however often and wherever they are attached")
    func deduplicated() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-05-20") { intake in
            let client = try intake.operatorClient()
            let one = try await client.submit(Submissions.individualAccount(name: "商洛山水", region: "611021",
                                                                          sequence: 1))
            let two = try await client.submit(Submissions.individualAccount(name: "商洛风光", region: "611021",
                                                                          sequence: 2))
            let form = SampleFiles.pdf("同一份表", size: 300_000)
            let a = try await client.upload(as: one, kind: "filing_form", filename: "a.pdf", bytes: form)
            let again = try await client.upload(as: one, kind: "filing_form", filename: "a.pdf", bytes: form)
            let b = try await client.upload(as: two, kind: "filing_form", filename: "b.pdf", bytes: form)
            #expect(a.material.sha256 == b.material.sha256)
            #expect(again.materials.count == 1, "the same bytes as the same kind attach once")
            let counts = try await intake.runtime.store.read { db in
                (try db.fetchValue(Int.self, "SELECT count(*) FROM material_blob"),
                 try db.fetchValue(Int.self, "SELECT count(*) FROM material_blob_chunk"),
                 try db.fetchValue(Int.self, "SELECT count(*) FROM filing_material"))
            }
            #expect(counts.0 == 1)
            #expect(counts.1 == 2, "300,000 bytes in chunks of 256 KiB")
            #expect(counts.2 == 2)
            let (_, bytes) = try await intake.staffClient("auditor", name: "审计员").download(
                two.filingId, sha256: b.material.sha256)
            #expect(bytes == form)
            // Sealed at rest: the marker of the form is not in the database file.
            #expect(!contains(intake.databaseBytes(), Array("同一份表".utf8)))
        }
    }

    @Test("an operator cannot upload to another's filing; a rejected filing takes no more materials")
    func access() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-05-20") { intake in
            let client = try intake.operatorClient()
            let mine = try await client.submit(Submissions.individualAccount(name: "商洛山水", region: "611021",
                                                                           sequence: 1))
            let theirs = try await client.submit(Submissions.individualAccount(name: "商洛风光", region: "611021",
                                                                             sequence: 2))
            let other = try #require(await capturedRPCError {
                try await client.upload(theirs.filingId, kind: "filing_form", filename: "x.pdf",
                                        bytes: SampleFiles.pdf(),
                                        metadata: ["filing-id": mine.filingId, "access-code": mine.accessCode])
            })
            #expect(other.code == .permissionDenied)
            let anonymous = try #require(await capturedRPCError {
                try await client.upload(theirs.filingId, kind: "filing_form", filename: "x.pdf",
                                        bytes: SampleFiles.pdf())
            })
            #expect(anonymous.code == .unauthenticated)
            let auditor = try #require(await capturedRPCError {
                try await intake.staffClient("auditor", name: "审计员").upload(
                    theirs.filingId, kind: "filing_form", filename: "x.pdf", bytes: SampleFiles.pdf())
            })
            #expect(auditor.code == .permissionDenied)

            _ = try await intake.staffClient().review(theirs.filingId, "reject", reason: "不属于本办")
            let closed = try #require(await capturedRPCError {
                try await client.upload(as: theirs, kind: "filing_form", filename: "x.pdf", bytes: SampleFiles.pdf())
            })
            #expect(closed.code == .failedPrecondition)
        }
    }

    @Test("staff reads of ID card copies are on the audit chain; operators cannot download")
    func auditedDownloads() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-10") { intake in
            let client = try intake.operatorClient()
            let receipt = try await client.submit(Submissions.individualAccount(
                name: "开平碉楼", followers: 6000, region: "440783"))
            let card = try await client.upload(as: receipt, kind: "own_id_copy", filename: "id.jpg",
                                               bytes: SampleFiles.jpeg())
            let form = try await client.upload(as: receipt, kind: "filing_form", filename: "form.pdf",
                                               bytes: SampleFiles.pdf())
            let auditor = try intake.staffClient("auditor", name: "审计员")
            _ = try await auditor.download(receipt.filingId, sha256: form.material.sha256)
            #expect(try await intake.auditEntries().filter { $0.action == "filing.read_material" }.isEmpty)
            _ = try await auditor.download(receipt.filingId, sha256: card.material.sha256)
            let reads = try await intake.auditEntries().filter { $0.action == "filing.read_material" }
            #expect(reads.count == 1)
            #expect(reads.first?.actor == "auditor 审计员@440783")
            #expect(reads.first?.details.contains("own_id_copy") == true)
            let refused = try #require(await capturedRPCError {
                let _: [MaterialChunk] = try await client.stream(
                    "GetMaterial", MaterialRequest(filingId: receipt.filingId, sha256: card.material.sha256),
                    as: MaterialChunk.self,
                    metadata: ["filing-id": receipt.filingId, "access-code": receipt.accessCode])
            })
            #expect(refused.code == .unauthenticated)
            let missing = try #require(await capturedRPCError {
                try await auditor.download(receipt.filingId, sha256: String(repeating: "0", count: 64))
            })
            #expect(missing.code == .notFound)
        }
    }
}

/// Whether `haystack` contains `needle`.
func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    let first = needle[0]
    var index = 0
    while index <= haystack.count - needle.count {
        if haystack[index] == first, Array(haystack[index..<(index + needle.count)]) == needle { return true }
        index += 1
    }
    return false
}
