import BeianModel
import Testing

@Suite("Place-name matching")
struct PlaceMatcherTests {
    @Test("the longest match wins and positions count characters of the normalized text")
    func longest() throws {
        let territory = try Fixtures.profile(Fixtures.xingtai).territory
        let matches = PlaceMatcher.matches(in: " 邢台县　邢台 ", field: "operator.address", territory: territory)
        #expect(matches.map(\.place) == ["邢台县", "邢台市"])
        #expect(matches.map(\.offset) == [0, 3])
        #expect(matches.allSatisfy { !$0.isAmbiguous })
    }

    @Test("short forms followed by a place-making character are ambiguous", arguments: [
        ("开平区新闻", true), ("开平发布", false), ("开平市场", false), ("赤坎镇", false), ("赤坎古镇", true),
    ])
    func extenders(text: String, ambiguous: Bool) throws {
        let territory = try Fixtures.profile(Fixtures.kaiping).territory
        let match = try #require(PlaceMatcher.matches(in: text, field: "object.name", territory: territory).first)
        #expect(match.isAmbiguous == ambiguous, "\(match.ambiguity)")
    }

    @Test("traditional characters fold to simplified")
    func folding() {
        #expect(PlaceMatcher.foldToSimplified("開平市長沙街道") == "开平市长沙街道")
    }

    @Test("region codes from identifiers")
    func regionCodes() throws {
        #expect(RegionCodes.fromResidentID("440783199001011234") == "440783")
        #expect(RegionCodes.fromResidentID("４４０７８３１９９００１０１１２３Ｘ") == "440783")
        #expect(RegionCodes.fromResidentID("12345") == nil)
        #expect(RegionCodes.fromCreditCode("91440783MA4W0XXX1Y") == "440783")
        #expect(RegionCodes.fromCreditCode("9144ABCDMA4W0XXX1Y") == nil)
        let territory = try Fixtures.profile(Fixtures.xingtai).territory
        #expect(territory.region(containing: "130582")?.prefix == "1305")
        #expect(territory.region(containing: "139014")?.prefix == "139014")
        #expect(territory.region(containing: "130205") == nil)
    }
}
