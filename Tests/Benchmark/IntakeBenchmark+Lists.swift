import BeianModel
import BeianReferenceData
import BeianRPC
import BeianRuntime
import BeianStore
import Foundation
import IntakeService
import TestSupport

extension IntakeBenchmark {
    /// Staff lists and name searches over `filings` filings: the database is written directly
    /// through intake's repository, then intake (a process) serves `ListFilings` to one staff client.
    static func lists(filings: Int, iterations: Int) async throws -> [String] {
        let root = try TemporaryDirectory(prefix: "bench-intake-list")
        defer { root.remove() }
        let state = root.file("intake")
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)

        let generationStart = Monotonic.nanoseconds()
        try await generate(filings: filings, state: state)
        let generation = Double(Monotonic.nanoseconds() - generationStart) / 1e9
        let size = (try? FileManager.default.attributesOfItem(atPath: state + "/intake.sqlite")[.size] as? Int) ?? 0

        let startup = Monotonic.nanoseconds()
        let identity = try await start("identity", state: root.file("identity"), extra: [:])
        defer { kill(identity.process.pid, SIGTERM) }
        let intake = try await start("intake", state: state, extra: [
            "BEIAN_IDENTITY_ADDRESS": identity.address, "BEIAN_TODAY": today,
        ])
        defer { kill(intake.process.pid, SIGTERM) }
        let opened = Double(Monotonic.nanoseconds() - startup) / 1e9
        let group = try EventLoopGroup(count: 1, name: "bench-list-client")
        defer { group.shutdown() }
        let staff = try client(port: intake.port, staff: true, group: group)
        defer { staff.close() }

        var lines = [
            String(format: "Intake ListFilings over TLS with %d filings (Shangluo; written through intake's repository in "
                   + "transactions of 20,000 in %.0f s, %.0f filings/s; database %.0f MB; intake started on it in %.1f s); "
                   + "one staff client, one call at a time, up to %d calls per row (10 s at most), warm cache, pages of 50",
                   filings, generation, Double(filings) / generation, Double(size) / 1e6, opened, iterations),
            "| query | rows returned | p50 | p99 |",
            "|---|---|---|---|",
        ]
        for (name, request) in queries() {
            let (rows, latencies) = try await measure(staff, request, iterations: iterations)
            lines.append("| \(name) | \(rows) | \(formatMicroseconds(latencies.percentile(50))) "
                         + "| \(formatMicroseconds(latencies.percentile(99))) |")
        }
        let (rows, latencies) = try await measureDeepPage(staff, depth: 20, iterations: max(10, iterations / 10))
        lines.append("| page 21 (cursor from page 20), no filter | \(rows) | \(formatMicroseconds(latencies.percentile(50))) "
                     + "| \(formatMicroseconds(latencies.percentile(99))) |")
        return lines
    }

    /// Writes `filings` generated filings into a new intake database (and field key) in `state`.
    static func generate(filings: Int, state: String) async throws {
        let data = try ReferenceData.load()
        guard let profile = data.profile(officeCode: office) else { throw BenchmarkUsage("no profile \(office)") }
        try FieldCipher.createKeyFile(at: state + "/field.key")
        let cipher = try FieldCipher(keyFile: state + "/field.key", normalizeForLookup: TextNormalization.code)
        let store = try await Store.open(path: state + "/intake.sqlite", migrations: IntakeSchema.migrations)
        let generator = try FilingGenerator(repository: FilingRepository(store: store, cipher: cipher), profile: profile,
                                            calendar: data.calendar)
        try await generator.generate(count: filings)
        await store.close()
    }

    /// The measured queries.
    static func queries() -> [(String, ListFilingsRequest)] {
        [
            ("first page, no filter", ListFilingsRequest()),
            ("status = submitted", ListFilingsRequest(FilingFilters(status: "submitted"))),
            ("platform = douyin, operator = individual", ListFilingsRequest(FilingFilters(platform: "douyin", operatorKind: "individual"))),
            ("local office = 611021 (洛南县), status = accepted", ListFilingsRequest(FilingFilters(status: "accepted", localOffice: "611021"))),
            ("late = true", ListFilingsRequest(FilingFilters(late: true))),
            ("status = returned_for_correction", ListFilingsRequest(FilingFilters(status: "returned_for_correction"))),
            ("government, submitted in May 2022", ListFilingsRequest(FilingFilters(government: true, submittedFrom: "2022-05-01",
                                                                       submittedTo: "2022-05-31"))),
            ("name search, 3+ characters, common: 商洛美食", ListFilingsRequest(FilingFilters(query: "商洛美食"))),
            ("name search, 3+ characters, one match: 秦岭深处的小院", ListFilingsRequest(FilingFilters(query: "秦岭深处的小院"))),
            ("name search, operator name 3 characters: 王秀英", ListFilingsRequest(FilingFilters(query: "王秀英"))),
            ("name search, 2 characters, common: 洛南", ListFilingsRequest(FilingFilters(query: "洛南"))),
            ("name search, 1 character: 丹", ListFilingsRequest(FilingFilters(query: "丹"))),
            ("name search, 2 characters, no match: 鹤翔", ListFilingsRequest(FilingFilters(query: "鹤翔"))),
        ]
    }

    private static func measure(_ staff: RPCClient, _ request: ListFilingsRequest,
                                iterations: Int) async throws -> (Int, LatencyRecorder) {
        var latencies = LatencyRecorder()
        var rows = 0
        // At most `iterations` calls and about 10 s per query (at least 5 calls): slow queries stay short.
        let budget = Monotonic.nanoseconds() + 10_000_000_000
        for round in 0..<(iterations + 3) where round < 8 || Monotonic.nanoseconds() < budget {
            let before = Monotonic.nanoseconds()
            let page = try await staff.unary(IntakeService.name + "/ListFilings", request: request,
                                             as: ListFilingsResponse.self)
            let elapsed = Monotonic.nanoseconds() - before
            rows = page.filings.count
            if round >= 3 { latencies.record(nanoseconds: elapsed) }  // the first three warm up
        }
        return (rows, latencies)
    }

    private static func measureDeepPage(_ staff: RPCClient, depth: Int,
                                        iterations: Int) async throws -> (Int, LatencyRecorder) {
        var request = ListFilingsRequest()
        for _ in 0..<depth {
            let page = try await staff.unary(IntakeService.name + "/ListFilings", request: request,
                                             as: ListFilingsResponse.self)
            request.cursor = page.nextCursor
        }
        return try await measure(staff, request, iterations: iterations)
    }
}
