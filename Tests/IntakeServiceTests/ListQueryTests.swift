import BeianModel
import BeianStore
import IntakeService
import Testing

@Suite("List queries: every filter combination, name search of any length, cursor pages")
struct ListQueryTests {
    /// Single filters, common pairs, date ranges and name searches of 1, 2 and 3+ characters.
    static func queries() throws -> [FilingQuery] {
        var list: [FilingQuery] = []
        func add(_ change: (inout FilingQuery) throws -> Void) rethrows {
            var query = FilingQuery(pageSize: 7)
            try change(&query)
            list.append(query)
        }
        add { _ in }
        for status in FilingStatus.allCases { add { $0.status = status } }
        for platform in Platform.allCases.prefix(4) { add { $0.platform = platform } }
        for local in ["611002", "611021", ""] {
            add { $0.localOffice = local }
            add { $0.localOffice = local; $0.status = .submitted }
        }
        for kind in OperatorKind.allCases { add { $0.operatorKind = kind } }
        for flag in [true, false] {
            add { $0.government = flag }
            add { $0.late = flag }
            add { $0.reviewNeeded = flag }
        }
        for timeliness in Timeliness.allCases { add { $0.timeliness = timeliness } }
        for state in VerificationState.allCases {
            add { $0.verification = state }
            add { $0.verification = state; $0.status = .accepted }
        }
        try add { $0.submittedFrom = try CivilDate(iso: "2021-05-10"); $0.submittedTo = try CivilDate(iso: "2021-05-20") }
        try add { $0.submittedFrom = try CivilDate(iso: "2021-06-01") }
        try add { $0.submittedTo = try CivilDate(iso: "2021-05-05") }
        try add { $0.government = true; $0.submittedFrom = try CivilDate(iso: "2021-05-03")
            $0.submittedTo = try CivilDate(iso: "2021-06-10") }
        try add { $0.status = .submitted; $0.localOffice = "611021"; $0.submittedFrom = try CivilDate(iso: "2021-05-08") }
        for text in ["商", "商洛", "长安", "長", "秦岭", "abc", "b", "王秀英", "李建华", "建華", "鹤翔", "美食", "旅游2", "局"] {
            add { $0.text = text }
        }
        add { $0.text = "商洛"; $0.status = .accepted }
        try add { $0.text = "长"; $0.localOffice = "611021"; $0.submittedTo = try CivilDate(iso: "2021-05-30") }
        add { $0.text = "美食"; $0.verification = .pending }
        add { $0.platform = .douyin; $0.operatorKind = .individual }
        add { $0.objectKind = .account; $0.reviewNeeded = true; $0.late = false }
        return list
    }

    @Test("each query returns exactly the matching filings, newest first, page after page")
    func matchesBruteForce() async throws {
        try await IntakeHarness.with(office: VariedFilings.office, today: VariedFilings.today) { intake in
            let written = try await VariedFilings.write(240, to: intake)
            let repository = intake.runtime.service.repository
            for scope in [StaffScope.office, .localOffice("611021")] {
                for query in try Self.queries() {
                    let expected = written.filter { VariedFilings.matches($0.record, query, scope: scope) }
                        .sorted { $0.sequence > $1.sequence }.map(\.record.filing.id)
                    var page = query
                    var listed: [String] = []
                    while true {
                        let current = page
                        let (rows, next) = try await intake.runtime.store.read { db in
                            try repository.list(current, scope: scope, in: db)
                        }
                        #expect(rows.count <= query.pageSize)
                        listed += rows.map(\.filingId)
                        guard let next else { break }
                        page.after = next
                    }
                    #expect(listed == expected, "\(scope) \(query)")
                }
            }
            #expect(try Self.queries().contains { query in
                written.filter { VariedFilings.matches($0.record, query, scope: .office) }.count > query.pageSize
            }, "some queries span several pages")
        }
    }

    @Test("searches of 1 and 2 characters fold traditional and simplified script and follow renamed filings")
    func shortSearch() async throws {
        try await IntakeHarness.with(office: VariedFilings.office, today: VariedFilings.today) { intake in
            let written = try await VariedFilings.write(40, to: intake)
            let clerk = try intake.staffClient()
            func names(_ text: String) async throws -> Set<String> {
                Set(try await clerk.list(ListFilingsRequest(FilingFilters(query: text), pageSize: 500)).filings.map(\.accountName))
            }
            let traditional = try await names("長")
            let simplified = try await names("长")
            #expect(!traditional.isEmpty && traditional == simplified)
            #expect(traditional.allSatisfy { $0.hasPrefix("長安") })
            for (one, other) in [("岭", "嶺"), ("發", "发"), ("abc", "AbC"), ("华", "華")] {
                let found = try await names(one)
                #expect(!found.isEmpty, "\(one)")
                #expect(try await names(other) == found, "\(one) \(other)")
            }
            #expect(try await names("鹤翔").isEmpty)

            // Renamed: the old name's grams are gone, the new name's are there.
            let repository = intake.runtime.service.repository
            let first = written[4]  // submitted: it may still be withdrawn (with new content)
            #expect(first.record.filing.status == .submitted)
            try await intake.runtime.store.write { db in
                var stored = try #require(try repository.load(sequence: first.sequence, in: db))
                var content = stored.record.filing.content
                if case .account(var account) = content.object {
                    account.name = "鹤翔山庄"
                    content.object = .account(account)
                }
                stored.record.filing = try stored.record.filing.applying(.withdraw, content: content, by: "test",
                                                                         at: Timestamp(millisecondsSinceEpoch: 0))
                try repository.update(stored, in: db)
            }
            for text in ["鹤翔", "鶴", "鹤翔山"] {
                #expect(try await names(text) == ["鹤翔山庄"], "\(text)")
            }
            let old = try await clerk.list(ListFilingsRequest(FilingFilters(query: first.record.filing.object.name), pageSize: 500))
            #expect(!old.filings.contains { $0.filingId == first.record.filing.id })
        }
    }
}
