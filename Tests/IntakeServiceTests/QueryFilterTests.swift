import BeianModel
import BeianReferenceData
import BeianRPC
import IntakeService
import Testing
import TestSupport

/// Filters shared by lists, exports, statistics and the deadline watch: one check each, the same
/// refusal everywhere.
@Suite("Shared filters: local office, date order, timeliness words")
struct QueryFilterTests {
    static func profile(_ office: String) throws -> PolicyProfile {
        try #require(try ReferenceData.loadBundled().profile(officeCode: office))
    }

    @Test("a local office is named by its code (any case), its name or a place only it covers; nothing else")
    func localOfficeNames() throws {
        let shangluo = try Self.profile("611000")
        func resolve(_ text: String?, _ profile: PolicyProfile) -> (String?, [FieldViolation]) {
            var list = ViolationList()
            let found = FilingFilterChecks.localOffice(text, field: "local_office", profile: profile, into: &list)
            return (found, list.violations)
        }
        #expect(resolve(nil, shangluo).0 == nil)
        #expect(resolve("", shangluo).0 == "")
        #expect(resolve("611002", shangluo).0 == "611002")
        #expect(resolve(" 商州区委网信办 ", shangluo).0 == "611002")
        #expect(resolve("商州区", shangluo).0 == "611002")
        #expect(resolve("SLGXQ", shangluo).0 == "slgxq")
        #expect(resolve("商洛高新区（商丹园区）党工委网信办", shangluo).0 == "slgxq")
        #expect(resolve("611002", shangluo).1.isEmpty)
        for bad in ["999999", "abc", "商州", "611000"] {
            let (found, violations) = resolve(bad, shangluo)
            #expect(found == nil)
            #expect(violations.map(\.field) == ["local_office"])
            #expect(violations.map(\.rule) == ["unknown_local_office"])
            #expect(violations.first?.messageZh.hasPrefix("属地网信办“\(bad)”不在本办名单中") == true)
            #expect(violations.first?.messageZh.contains("611002（商州区委网信办）") == true)
            #expect(violations.first?.messageEn.contains("is not one of this office's") == true)
        }
        let xingtai = try Self.profile("130500")
        #expect(resolve("信都区", xingtai).0 == "130503", "a place listed by one local office")
        let kaiping = try Self.profile("440783")
        #expect(resolve("440783", kaiping).1.first?.messageZh.contains("本办不设属地分办") == true)
    }

    @Test("the submission-date range must not run backwards; the same day is fine")
    func dateOrder() throws {
        let profile = try Self.profile("611000")
        let backwards = try #require(throws: ValidationFailure.self) {
            try FilingQuery.checked(FilingFilters(submittedFrom: "2026-12-31", submittedTo: "2026-01-01"), profile: profile)
        }
        #expect(backwards.violations.map(\.field) == ["submitted_from"])
        #expect(backwards.violations.map(\.rule) == ["date_order"])
        #expect(backwards.violations.first?.messageZh == "起始日期（2026-12-31）晚于截止日期（2026-01-01），这段时间是空的")
        let day = try FilingQuery.checked(FilingFilters(submittedFrom: "2026-01-01", submittedTo: "2026-01-01"),
                                          profile: profile)
        #expect(day.submittedFrom == day.submittedTo)
    }

    @Test("timeliness filters take the wire value, the printed word and the older words; bad ones list the Chinese words")
    func timelinessWords() throws {
        let profile = try Self.profile("611000")
        let words: [(String, Timeliness)] = [
            ("on_time", .onTime), ("按期", .onTime), ("按时", .onTime), ("逾期备案", .late), ("逾期", .late),
            ("集中备案期内", .early), ("提前", .early), ("已逾期未备案", .overdue), ("已逾期未办", .overdue),
            ("无时限", .noDeadline), ("无时限要求", .noDeadline), ("期限待定", .undetermined), ("LATE", .late),
        ]
        for (word, value) in words {
            #expect(try FilingQuery.checked(FilingFilters(timeliness: word), profile: profile).timeliness == value, "\(word)")
        }
        for value in Timeliness.allCases {
            #expect(Timeliness.named(value.zh) == value)
            #expect(IntakeLabels.timeliness(value) == value.zh, "exports and reports print the words lists print")
        }
        let bad = try #require(throws: ValidationFailure.self) {
            try FilingQuery.checked(FilingFilters(timeliness: "准时"), profile: profile)
        }
        #expect(bad.violations.map(\.field) == ["timeliness"])
        #expect(bad.violations.map(\.rule) == ["enum_value"])
        #expect(bad.violations.first?.messageZh.contains("on_time（按期）、late（逾期备案）") == true)
    }

    @Test("list, export and statistics refuse an unknown local office and a backwards range; a known office by name works")
    func handlersRefuse() async throws {
        try await IntakeHarness.with(office: "611000", today: "2021-05-20") { intake in
            let client = try intake.operatorClient()
            let clerk = try intake.staffClient()
            let head = try intake.staffClient("head", name: "主任")
            let receipt = try await client.submit(Submissions.individualAccount(
                name: "商州山歌", platform: "douyin", region: "611002", sequence: 1))
            #expect(receipt.localOfficeCode == "611002")

            for office in ["商州", "999999"] {
                let list = try #require(await capturedRPCError {
                    try await clerk.list(ListFilingsRequest(FilingFilters(localOffice: office)))
                })
                let export = try #require(await capturedRPCError {
                    try await clerk.stream("ExportFilings", ExportFilingsRequest(FilingFilters(localOffice: office)),
                                           as: ExportChunk.self)
                })
                let stats = try #require(await capturedRPCError {
                    let _: StatisticsResponse = try await head.call("Statistics", StatisticsRequest(localOffice: office))
                })
                for error in [list, export, stats] {
                    #expect(error.code == .invalidArgument)
                    #expect(error.fieldViolations.map(\.field) == ["local_office"])
                    #expect(error.fieldViolations.map(\.rule) == ["unknown_local_office"])
                    #expect(error.fieldViolations.first?.descriptionZh?.hasPrefix("属地网信办“\(office)”不在本办名单中") == true)
                }
            }
            let backwards = FilingFilters(submittedFrom: "2026-12-31", submittedTo: "2026-01-01")
            let list = try #require(await capturedRPCError { try await clerk.list(ListFilingsRequest(backwards)) })
            let export = try #require(await capturedRPCError {
                try await clerk.stream("ExportFilings", ExportFilingsRequest(backwards), as: ExportChunk.self)
            })
            let stats = try #require(await capturedRPCError {
                let _: StatisticsResponse = try await head.call("Statistics", StatisticsRequest(
                    submittedFrom: "2026-12-31", submittedTo: "2026-01-01"))
            })
            for error in [list, export, stats] {
                #expect(error.code == .invalidArgument)
                #expect(error.fieldViolations.map(\.field) == ["submitted_from"])
                #expect(error.fieldViolations.map(\.rule) == ["date_order"])
            }

            for office in ["611002", "商州区委网信办", "商州区"] {
                #expect(try await clerk.list(ListFilingsRequest(FilingFilters(localOffice: office))).filings
                    .map(\.filingId) == [receipt.filingId], "\(office)")
                let report: StatisticsResponse = try await head.call("Statistics", StatisticsRequest(
                    localOffice: office, html: false))
                #expect(report.statistics.total == 1)
                #expect(report.localOffice == "611002")
            }
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(localOffice: "611021"))).filings.isEmpty)
            let watch = try #require(await capturedRPCError {
                let _: DeadlineWatchResponse = try await clerk.call("DeadlineWatch", DeadlineWatchRequest(localOffice: "abc"))
            })
            #expect(watch.fieldViolations.map(\.rule) == ["unknown_local_office"])
        }
    }
}
