import Foundation
import Testing
@testable import BeianModel
@testable import BeianReferenceData

@Suite("Division registry (行政区划代码)")
struct DivisionRegistryTests {
    static let sample = """
        code\tname\tfirst_year\tlast_year\tsources
        130000\t河北省\t\t\tx
        130500\t邢台市\t1983\t\tx
        130501\t市辖区\t1983\t\tx
        130502\t桥东区\t1983\t2019\tx
        130502\t襄都区\t2020\t\tx
        130503\t桥西区\t1983\t2019\tx
        130503\t信都区\t2020\t\tx
        130700\t张家口市\t\t\tx
        130702\t桥东区\t\t\tx
        332704\t温岭市\t1994\t1993\tx
        """

    @Test("parses name periods, oldest first, with full names of the same time")
    func parse() throws {
        let registry = try DivisionRegistry(tsv: Self.sample, source: "sample")
        #expect(registry.count == 8)
        let division = try #require(registry.division(130502))
        #expect(division.periods.map(\.name) == ["桥东区", "襄都区"])
        #expect(division.periods.map(\.fullName) == ["河北省邢台市桥东区", "河北省邢台市襄都区"])
        #expect(division.isCurrent)
        #expect(division.latest.name == "襄都区")
        #expect(division.period(in: 2019).name == "桥东区")
        #expect(division.period(in: 2020).name == "襄都区")
        #expect(division.period(in: 1970).name == "桥东区")
        #expect(registry.division(code: "130502")?.code == 130502)
        #expect(registry.division(code: "13050") == nil)
        #expect(registry.division(999999) == nil)
        #expect(registry.division(-1) == nil)
    }

    @Test("crossed years in a source row are kept as a span")
    func crossedYears() throws {
        let registry = try DivisionRegistry(tsv: Self.sample, source: "sample")
        let period = try #require(registry.division(332704)?.periods.first)
        #expect(period.firstYear == 1993 && period.lastYear == 1994)
    }

    @Test("look-up by name: every code that carried it, and partial matches")
    func byName() throws {
        let registry = try DivisionRegistry(tsv: Self.sample, source: "sample")
        #expect(registry.divisions(named: "桥东区").map(\.code) == [130502, 130702])
        #expect(registry.divisions(named: "襄都区").map(\.code) == [130502])
        #expect(registry.divisions(named: "不存在").isEmpty)
        #expect(registry.search("襄都").map(\.code) == [130502])
        #expect(registry.search("桥").map(\.code) == [130502, 130503, 130702])
        #expect(registry.search("都区").map(\.code) == [130502, 130503])
        #expect(registry.search("邢台").map(\.code) == [130500])
        #expect(registry.search("桥", limit: 1).count == 1)
        #expect(registry.search(" ").isEmpty)
    }

    @Test("hierarchy by code prefixes")
    func hierarchy() throws {
        let registry = try DivisionRegistry(tsv: Self.sample, source: "sample")
        #expect(registry.children(of: 130000).map(\.code) == [130500, 130700])
        #expect(registry.children(of: 130500).map(\.code) == [130501, 130502, 130503])
        #expect(registry.children(of: 130502).isEmpty)
        #expect(registry.parent(of: 130502)?.code == 130500)
        #expect(registry.parent(of: 130500)?.code == 130000)
        #expect(registry.parent(of: 130000) == nil)
        #expect(registry.path(of: 130502).map(\.code) == [130000, 130500, 130502])
        #expect(DivisionRegistry.Level(code: 130000) == .province)
        #expect(DivisionRegistry.Level(code: 130500) == .prefecture)
        #expect(DivisionRegistry.Level(code: 130502) == .county)
    }

    @Test("bad tables are refused with the line", arguments: [
        ("name\tcode\n", "header", 1 as Int?),
        ("code\tname\tfirst_year\tlast_year\n13050\t桥东区\t\t\n", "row", 2),
        ("code\tname\tfirst_year\tlast_year\n130502\t\t\t\n", "row", 2),
        ("code\tname\tfirst_year\tlast_year\n130502\t桥东区\t83\t\n", "row", 2),
        ("code\tname\tfirst_year\tlast_year\n130502\t桥东区\n", "row", 2),
        ("code\tname\tfirst_year\tlast_year\n", "empty", nil),
    ])
    func badTables(text: String, code: String, line: Int?) {
        #expect(throws: DivisionDataError.self) { try DivisionRegistry(tsv: text, source: "t") }
        do {
            _ = try DivisionRegistry(tsv: text, source: "t")
        } catch {
            #expect(error.code == code)
            #expect(error.line == line)
        }
    }

    @Test("the shipped table: size, the renamed 130502, Hong Kong, retired codes")
    func shipped() throws {
        let registry = IdentityFixtures.divisions
        #expect(registry.source == "bundled")
        #expect(registry.count > 7_000)
        #expect(registry.division(130502)?.periods.map(\.name) == ["桥东区", "襄都区"])
        #expect(registry.division(810000)?.latest.name == "香港特别行政区")
        #expect(registry.division(110110)?.isCurrent == false)
        #expect(registry.children(of: 110000).contains { $0.code == 110100 })
        #expect(registry.search("襄都").contains { $0.code == 130502 })
    }

    @Test("an override directory wins; a directory without the file falls back to the bundle")
    func overrideDirectory() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("beian-divisions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let fallback = try DivisionRegistry.load(environment: ["BEIAN_DATA_DIR": directory.path])
        #expect(fallback.source == "bundled")

        let file = directory.appendingPathComponent("divisions.tsv")
        try Self.sample.write(to: file, atomically: true, encoding: .utf8)
        let overridden = try DivisionRegistry.load(environment: ["BEIAN_DATA_DIR": directory.path])
        #expect(overridden.source == file.path)
        #expect(overridden.count == 8)
        #expect(try DivisionRegistry.load(dataDirectory: nil).source == "bundled")

        try "garbage".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: DivisionDataError.self) { try DivisionRegistry.load(dataDirectory: directory.path) }
        #expect(throws: DivisionDataError.self) { try DivisionRegistry.load(contentsOf: directory.path + "/missing.tsv") }
    }
}
