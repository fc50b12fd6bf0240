import BeianModel
import BeianReferenceData
import BeianTLS
import IntakeService
import Testing

@Suite("Materials, export, statistics and deadline logic (pure functions)")
struct ReportLogicTests {
    static let data = try! ReferenceData.loadBundled()

    @Test("media types come from the first bytes", arguments: [
        (Array("%PDF-1.4".utf8), MaterialMediaType.pdf as MaterialMediaType?),
        ([0xFF, 0xD8, 0xFF, 0xDB], .jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], .png),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A], nil),
        (Array("MZ\u{90}".utf8), nil),
        (Array("%PDF".utf8), nil),
        ([], nil),
    ] as [([UInt8], MaterialMediaType?)])
    func mediaTypes(prefix: [UInt8], expected: MaterialMediaType?) {
        #expect(MaterialMediaType.detect(prefix) == expected)
    }

    @Test("an upload hashes as it goes and stops at the first limit crossed")
    func uploadLimits() throws {
        let limits = MaterialLimits(perFile: 100, perFiling: 150, chunk: 40)
        var upload = MaterialUpload(limits: limits, alreadyStored: 0)
        let bytes = Array("%PDF-".utf8) + [UInt8](repeating: 7, count: 75)
        for start in stride(from: 0, to: bytes.count, by: 40) {
            try upload.append(Array(bytes[start..<min(start + 40, 80)]))
        }
        let file = try upload.finish()
        #expect(file.sha256 == SHA256.hexHash(bytes))
        #expect(file.mediaType == .pdf)

        var big = MaterialUpload(limits: limits, alreadyStored: 0)
        for _ in 0..<2 { try big.append(bytes.prefix(40).map { $0 }) }
        #expect(throws: MaterialUploadError.self) { try big.append([UInt8](repeating: 0, count: 21)) }
        var full = MaterialUpload(limits: limits, alreadyStored: 120)
        let error = #expect(throws: MaterialUploadError.self) { try full.append(bytes.prefix(31).map { $0 }) }
        #expect(error?.code == .filingTooLarge)
        var chunky = MaterialUpload(limits: limits, alreadyStored: 0)
        #expect(throws: MaterialUploadError.self) { try chunky.append([UInt8](repeating: 0, count: 41)) }
        var exe = MaterialUpload(limits: limits, alreadyStored: 0)
        let refused = #expect(throws: MaterialUploadError.self) { try exe.append(Array("MZ-not-a-pdf".utf8)) }
        #expect(refused?.code == .unsupportedType, "refused as soon as 8 bytes are in")
        var tiny = MaterialUpload(limits: limits, alreadyStored: 0)
        try tiny.append([0xFF, 0xD8, 0xFF])
        #expect(try tiny.finish().mediaType == .jpeg, "a short file is recognized at the end")
    }

    @Test("CSV fields: quoting by RFC 4180, formulas neutralized, CRLF records", arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        ("+86", "'+86"),
        ("@cmd", "'@cmd"),
        ("商洛", "商洛"),
    ])
    func csvFields(value: String, expected: String) {
        #expect(CSVWriter.field(value) == expected)
        #expect(CSVWriter.record([value, "x"]) == expected + ",x\r\n")
    }

    @Test("export rows mask personal numbers and name the local office")
    func exportRow() throws {
        let profile = try #require(Self.data.profile(officeCode: "130500"))
        let record = try record(profile, name: "邢台发布", region: "130503", today: "2020-06-01", registered: "2020-05-01")
        let fields = FilingExport.fields(FilingExport.Input(record: record), profile: profile)
        #expect(fields.count == FilingExport.headers.count)
        #expect(fields[11] == "130***********" + String(TestIdentityNumbers.resident(region: "130503").suffix(4)))
        #expect(fields[12] == "138****8000")
        #expect(fields[13] != profile.nameZh, "routed to the local office of 桥西区")
        #expect(fields[18] == "逾期备案" && fields[19] == "10")
        #expect(FilingExport.header().hasPrefix("\u{FEFF}"))
    }

    @Test("statistics count a known set; transferred filings are left out; the report escapes names")
    func statistics() throws {
        let profile = try #require(Self.data.profile(officeCode: "611000"))
        var accumulator = FilingStatistics.Accumulator(profile: profile, today: try CivilDate(iso: "2021-06-30"))
        var accepted = try record(profile, name: "商洛山歌", region: "611021", today: "2021-05-20")
        accepted.filing.status = .accepted
        var returned = try record(profile, name: "<script>x</script>", region: "611022", today: "2021-05-20",
                                  registered: "2021-05-10", platform: "kuaishou")
        returned.filing.status = .returnedForCorrection
        let other = try record(profile, name: "商洛看点", region: "611021", today: "2021-05-20", platform: "other",
                               otherPlatform: "哔哩<哩>")
        let moved = try record(profile, name: "外地账号", region: "611021", today: "2021-05-20")
        let form = MaterialInfo(kind: .filingForm, sha256: String(repeating: "a", count: 64), size: 1,
                                mediaType: "application/pdf", filename: nil, uploadedAt: accepted.submittedAt)
        accumulator.add(FilingExport.Input(record: accepted, uploaded: [form]))
        accumulator.add(FilingExport.Input(record: returned))
        accumulator.add(FilingExport.Input(record: other))
        accumulator.add(FilingExport.Input(record: moved, transferredTo: "130500/130500-ABCDEFGHJKLM"))
        let stats = accumulator.result()
        #expect(stats.total == 3)
        #expect(stats.transferredOut == 1)
        #expect(stats.acceptedMissingMaterials == 0, "the form was uploaded")
        #expect(stats.returnedNotResubmitted == 1)
        #expect(stats.overdue == 1, "opened 05-10 in the window: due 05-31, still returned on 06-30")
        #expect(stats.byPlatform.map(\.key) == ["douyin", "kuaishou", "other:哔哩<哩>"])
        #expect(stats.byStatus.first { $0.key == "submitted" }?.count == 1)
        #expect(stats.problems.map(\.accountName) == ["<script>x</script>"])
        #expect(stats.problems.first?.problems.contains("已逾期30天") == true)
        let html = StatisticsReport.html(stats, officeName: "商洛市<网信办>", scope: nil,
                                         generatedOn: try CivilDate(iso: "2021-06-30"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(html.contains("其他（哔哩&lt;哩&gt;）"))
        #expect(html.contains("商洛市&lt;网信办&gt;"))
        #expect(!html.contains("<script") && !html.contains("<网信办>"))
        #expect(StatisticsReport.escape("a&b\"'") == "a&amp;b&quot;&#39;")
    }

    @Test("deadlines of returned filings: due soon, overdue; refiled they are on time or late")
    func openDeadlines() throws {
        let due = try CivilDate(iso: "2020-06-09")
        #expect(OpenDeadlines.classify(dueDate: due, today: try CivilDate(iso: "2020-06-01"), withinDays: 7) == nil)
        #expect(OpenDeadlines.classify(dueDate: due, today: try CivilDate(iso: "2020-06-02"), withinDays: 7)?.days == 7)
        #expect(OpenDeadlines.classify(dueDate: due, today: due, withinDays: 0)?.state == .dueSoon)
        let overdue = OpenDeadlines.classify(dueDate: due, today: try CivilDate(iso: "2020-06-12"), withinDays: 7)
        #expect(overdue?.state == .overdue && overdue?.days == 3)

        let profile = try #require(Self.data.profile(officeCode: "130500"))
        let calendar = Self.data.calendar
        var record = try record(profile, name: "邢台小吃", region: "130503", today: "2020-06-01", registered: "2020-05-25")
        #expect(record.deadline?.timeliness == .onTime)
        #expect(OpenDeadlines.reassess(record, today: try CivilDate(iso: "2020-06-12"), profile: profile,
                                       calendar: calendar) == nil, "filed and not returned: nothing moves")
        record.filing = try record.filing.applying(.returnForCorrection(reason: "补正"), by: "clerk",
                                                   at: record.submittedAt)
        let pending = try #require(OpenDeadlines.reassess(record, today: try CivilDate(iso: "2020-06-05"),
                                                          profile: profile, calendar: calendar))
        #expect(pending.timeliness == .pending && pending.daysRemaining == 4)
        record.deadline = pending
        #expect(OpenDeadlines.reassess(record, today: try CivilDate(iso: "2020-06-06"), profile: profile,
                                       calendar: calendar) == nil, "still pending: no new state to store")
        let late = try #require(OpenDeadlines.reassess(record, today: try CivilDate(iso: "2020-06-10"),
                                                       profile: profile, calendar: calendar))
        #expect(late.timeliness == .overdue && late.daysLate == 1)
        record.deadline = late
        let resubmittedAt = Timestamp(
            millisecondsSinceEpoch: record.submittedAt.millisecondsSinceEpoch + 11 * 86_400_000)
        record.filing = try record.filing.applying(.resubmit, by: "operator", at: resubmittedAt)
        let filed = try #require(OpenDeadlines.reassess(record, today: try CivilDate(iso: "2020-06-20"),
                                                        profile: profile, calendar: calendar))
        #expect(filed.timeliness == .late && filed.daysLate == 3 && filed.filedDate?.iso == "2020-06-12")
    }

    /// A filing of `profile` as submitted on `today`.
    private func record(_ profile: PolicyProfile, name: String, region: String, today: String,
                        registered: String? = nil, platform: String = "douyin",
                        otherPlatform: String? = nil) throws -> IntakeFiling {
        var submission = Submissions.individualAccount(name: name, platform: platform, region: region,
                                                       registered: registered)
        submission.object?.otherPlatformName = otherPlatform
        let day = try CivilDate(iso: today)
        let assessment = try SubmissionAssessor.assess(submission, profile: profile, calendar: Self.data.calendar,
                                                       today: day)
        let days = Int64(try CivilDate(iso: "1970-01-01").days(until: day))
        let now = Timestamp(millisecondsSinceEpoch: days * 86_400_000 + 4 * 3_600_000)
        let filing = try NewFiling.make(id: FilingIdentifier.generate(officeCode: profile.officeCode),
                                        officeCode: profile.officeCode, localOfficeCode: assessment.localOffice,
                                        content: assessment.content, by: "operator", at: now)
        return IntakeFiling(filing: filing, scope: assessment.scope, deadline: assessment.deadline,
                            verification: Verification(state: .verified), reviewNeeded: false, submittedAt: now,
                            submittedOn: day, updatedAt: now)
    }
}
