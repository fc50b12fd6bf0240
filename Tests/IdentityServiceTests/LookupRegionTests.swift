import BeianJSON
import BeianModel
import BeianRPC
import IdentityService
import Testing
import TestSupport

/// `LookupRegion`, and the renamed-district case through `Verify`.
@Suite("LookupRegion and renamed districts")
struct LookupRegionTests {
    typealias T = IdentityTesting

    func lookup(_ client: RPCClient, _ query: String, limit: Int? = nil) async throws(RPCError) -> [RegionRecord] {
        try await client.unary(IdentityAPI.lookupRegion, request: RegionLookupRequest(query: query, limit: limit),
                               as: RegionLookupResponse.self).regions
    }

    @Test("130502 by code: 襄都区 now, 桥东区 until 2019, with its full name")
    func xingtaiByCode() async throws {
        try await withIdentityServer { _, client in
            let regions = try await lookup(client, "130502")
            try #require(regions.count == 1)
            let region = regions[0]
            #expect(region.code == "130502")
            #expect(region.name == "襄都区")
            #expect(region.fullName == "河北省邢台市襄都区")
            #expect(region.level == .county)
            #expect(region.current)
            #expect(region.history == [RegionName(name: "桥东区", firstYear: 1983, lastYear: 2019),
                                       RegionName(name: "襄都区", firstYear: 2020, lastYear: nil)])
            // On the wire: snake_case members, no last_year while in use.
            let raw = try await client.unaryJSON(IdentityAPI.lookupRegion, message: ["query": "１３０５０２"]).message
            let history = try #require(raw["regions"]?.arrayValue?.first?["history"]?.arrayValue)
            #expect(history.first == ["name": "桥东区", "first_year": 1983, "last_year": 2019])
            #expect(history.last == ["name": "襄都区", "first_year": 2020])
            #expect(raw["regions"]?.arrayValue?.first?["full_name"] == "河北省邢台市襄都区")
        }
    }

    @Test("by name: the new name, the old name (every code that carried it), part of a name")
    func byName() async throws {
        try await withIdentityServer { _, client in
            #expect(try await lookup(client, "襄都区").map(\.code) == ["130502"])
            #expect(try await lookup(client, "襄都").map(\.code) == ["130502"])
            let qiaodong = try await lookup(client, "桥东区", limit: 200)
            #expect(qiaodong.contains { $0.code == "130502" })
            #expect(qiaodong.count > 1)
            #expect(qiaodong.allSatisfy { $0.history.contains { $0.name == "桥东区" } })
            let xingtai = try await lookup(client, "邢台", limit: 5)
            #expect(xingtai.count == 5)
            #expect(xingtai.allSatisfy { $0.history.contains { $0.name.contains("邢台") } })
            #expect(try await lookup(client, "北京市").first?.level == .province)
        }
    }

    @Test("no match is NOT_FOUND; an empty query or bad limit is INVALID_ARGUMENT")
    func errors() async throws {
        try await withIdentityServer { _, client in
            for query in ["999999", "不存在的地方", "1305"] {
                let error = try #require(await capturedRPCError { try await lookup(client, query) })
                #expect(error.code == .notFound, "\(query)")
            }
            let empty = try #require(await capturedRPCError { try await lookup(client, "  ") })
            #expect(empty.code == .invalidArgument)
            #expect(empty.fieldViolations.map(\.field) == ["query"])
            let limit = try #require(await capturedRPCError { try await lookup(client, "桥东", limit: 0) })
            #expect(limit.fieldViolations.map(\.field) == ["limit"])
        }
    }

    @Test("a number from 130502 is named 桥东区 before 2020 and 襄都区 from 2020")
    func xingtaiThroughVerify() async throws {
        try await withIdentityServer { _, client in
            for (year, name) in [(1990, "桥东区"), (2019, "桥东区"), (2020, "襄都区"), (2021, "襄都区")] {
                let number = IdentityGenerator.residentID(region: 130502, birth: IdentityDate(year: year, month: 3, day: 7)!,
                                                          sequence: 123)
                let check = try await client.verify(number)
                #expect(check.valid, "\(number): \(check.reasons)")
                let region = try #require(check.person?.region)
                #expect(region.code == "130502")
                #expect(region.name == name, "\(year)")
                #expect(region.fullName == "河北省邢台市\(name)")
                #expect(region.status == .current)
            }
            let legacy = try await client.verify("130502900307123")
            #expect(legacy.valid)
            #expect(legacy.person?.region?.name == "桥东区")
        }
    }
}
