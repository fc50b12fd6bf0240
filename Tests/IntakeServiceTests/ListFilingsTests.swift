import BeianJSON
import BeianModel
import BeianRPC
import IntakeService
import Testing
import TestSupport

@Suite("Staff lists: filters, name search, cursor pagination")
struct ListFilingsTests {
    @Test("filters, trigram and short-text search, stable cursor pages")
    func listing() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let client = try intake.operatorClient()
            let names = ["开平碉楼游", "开平美食", "赤坎古镇游", "开平侨乡文化", "开平碉楼摄影", "水口美食街"]
            var ids: [String] = []
            for (index, name) in names.enumerated() {
                let platform = index % 2 == 0 ? "douyin" : "toutiao"
                ids.append(try await client.submit(Submissions.individualAccount(
                    name: name, platform: platform, followers: 9000, region: "440783", sequence: index + 1)).filingId)
            }
            let unit = try await client.submit(Submissions.unitAccount(name: "开平发布", region: "440783"))
            let clerk = try intake.staffClient()
            _ = try await clerk.review(ids[0], "accept")

            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(query: "碉楼"))).filings.map(\.filingId) == [ids[4], ids[0]])
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(query: "开平碉楼"))).filings.map(\.filingId)
                == [ids[4], ids[0]])
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(query: "美食街"))).filings.map(\.filingId) == [ids[5]])
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(query: "游"))).filings.map(\.filingId) == [ids[2], ids[0]])
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(query: "林小"))).filings.count == 6, "operator names too")
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(status: "accepted"))).filings.map(\.filingId) == [ids[0]])
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(platform: "toutiao"))).filings.map(\.filingId)
                == [ids[5], ids[3], ids[1]])
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(operatorKind: "unit"))).filings.map(\.filingId)
                == [unit.filingId])
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(government: true))).filings.map(\.filingId)
                == [unit.filingId])
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(objectKind: "account", platform: "douyin",
                                                            query: "美食"))).filings.isEmpty)
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(submittedFrom: "2024-01-25", submittedTo: "2024-01-25")))
                .filings.count == 7)
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(submittedTo: "2024-01-24"))).filings.isEmpty)
            #expect(try await clerk.list(ListFilingsRequest(FilingFilters(verification: "verified"))).filings.count == 7)

            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await clerk.list(ListFilingsRequest(pageSize: 3, cursor: cursor))
                #expect(page.filings.count <= 3)
                seen += page.filings.map(\.filingId)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen == [unit.filingId] + ids.reversed())

            let first = try await clerk.list(ListFilingsRequest(pageSize: 2))
            let misuse = try #require(await capturedRPCError {
                try await clerk.list(ListFilingsRequest(FilingFilters(status: "accepted"), cursor: first.nextCursor))
            })
            #expect(misuse.fieldViolations.map(\.field) == ["cursor"])
            let bad = try #require(await capturedRPCError {
                try await clerk.list(ListFilingsRequest(FilingFilters(status: "done", platform: "myspace", submittedFrom: "2024-13-01"), pageSize: 5000))
            })
            #expect(Set(bad.fieldViolations.map(\.field)) == ["status", "platform", "submitted_from", "page_size"])
        }
    }
}

@Suite("Every office runs from its profile alone")
struct OfficeProfileTests {
    @Test("an individual's local account is filed and accepted with the office's number format", arguments: [
        ("611000", "2021-05-20", "611002", "商州生活", "douyin", "陕商洛网信备2021010001号"),
        ("440783", "2024-01-25", "440783", "开平生活", "douyin", "粤开平网信备202400001号"),
        ("430424", "2019-08-01", "430424", "衡东生活", "toutiao", "湘衡东网信备201900001号"),
        ("130500", "2020-06-01", "130503", "信都生活", "douyin", "冀邢台网信备2020010001号"),
        ("532501", "2024-01-10", "532501", "个旧生活", "sina_weibo", "滇个旧网信备202400001号"),
    ])
    func fileAndAccept(office: String, today: String, region: String, name: String, platform: String,
                       number: String) async throws {
        try await IntakeHarness.with(office: office, today: today) { intake in
            let receipt = try await intake.operatorClient().submit(Submissions.individualAccount(
                name: name, platform: platform, followers: 10000, region: region))
            #expect(receipt.scope.outcome == .inScope)
            #expect(receipt.verification == .verified)
            let outcome = try await intake.staffClient("head", name: "主任").review(receipt.filingId, "accept")
            #expect(outcome.filingNumber == number)
        }
    }

    @Test("list and export requests carry the shared filters flat on the wire, both coding paths")
    func flatFilters() throws {
        let filters = FilingFilters(status: "accepted", government: true, submittedFrom: "2024-01-01", query: "开平")
        let list = ListFilingsRequest(filters, pageSize: 20, cursor: "c1")
        let expected: JSONValue = ["status": "accepted", "government": true, "submitted_from": "2024-01-01",
                                   "query": "开平", "page_size": 20, "cursor": "c1"]
        #expect(try JSONParser.parse(JSONCoding.encode(list)) == expected)
        #expect(try JSONCoding.encodeValue(list) == expected)
        #expect(try JSONCoding.decode(ListFilingsRequest.self, from: JSONCoding.encode(list)) == list)

        let export = ExportFilingsRequest(filters)
        let exportExpected: JSONValue = ["status": "accepted", "government": true, "submitted_from": "2024-01-01",
                                         "query": "开平"]
        #expect(try JSONParser.parse(JSONCoding.encode(export)) == exportExpected)
        #expect(try JSONCoding.decode(ExportFilingsRequest.self, from: JSONCoding.encode(export)) == export)
        #expect(try JSONCoding.decode(ListFilingsRequest.self, from: Array(#"{"page_size": 5}"#.utf8)) == ListFilingsRequest(pageSize: 5))
    }

    @Test("reflection describes the list and export requests with their filters flat")
    func describedFlat() async throws {
        try await IntakeHarness.with(office: "440783", today: "2024-01-25") { intake in
            let described = try await intake.staffClient().unaryJSON(
                "beian.reflection.v1.Reflection/DescribeService", message: ["service": .string(IntakeService.name)]).message
            let methods = try #require(described["methods"]?.arrayValue)
            func fields(_ method: String) -> [String] {
                let found = methods.first { $0["name"] == .string(method) }
                return found?["request"]?["fields"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            }
            let filters = ["status", "object_kind", "platform", "local_office", "operator_kind", "government", "timeliness",
                           "late", "verification", "review_needed", "submitted_from", "submitted_to", "query"]
            #expect(fields("ListFilings") == filters + ["page_size", "cursor"])
            #expect(fields("ExportFilings") == filters)
        }
    }
}
