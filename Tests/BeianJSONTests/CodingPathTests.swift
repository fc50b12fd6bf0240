import Testing
@testable import BeianJSON

/// A leaf that records the coding path it was decoded or encoded at.
private struct PathProbe: Codable {
    var seen: String

    init(seen: String) { self.seen = seen }

    init(from decoder: any Decoder) throws {
        seen = decoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        _ = try decoder.singleValueContainer().decode(String.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(encoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined())
    }
}

private struct Inner: Codable {
    var probes: [PathProbe]
    var count: Int
}

private struct Outer: Codable {
    var name: String
    var groups: [Inner]
    var single: PathProbe
}

@Suite("Coding paths")
struct CodingPathTests {
    @Test("decoders see the full path at every depth, and errors name it")
    func decodingPaths() throws {
        let json = #"{"name":"n","groups":[{"probes":["a"],"count":1},{"probes":["b","c"],"count":2}],"single":"s"}"#
        let outer = try JSONCoding.decode(Outer.self, from: Array(json.utf8))
        #expect(outer.single.seen == ".single")
        #expect(outer.groups[0].probes[0].seen == ".groups[0].probes[0]")
        #expect(outer.groups[1].probes[1].seen == ".groups[1].probes[1]")

        let bad = #"{"name":"n","groups":[{"probes":["a"],"count":1},{"probes":["b",7],"count":2}],"single":"s"}"#
        let error = try #require(throws: JSONError.self) { try JSONCoding.decode(Outer.self, from: Array(bad.utf8)) }
        #expect(error.field == "groups[1].probes[1]")
        let missing = #"{"name":"n","groups":[{"probes":[]}],"single":"s"}"#
        let missingError = try #require(throws: JSONError.self) { try JSONCoding.decode(Outer.self, from: Array(missing.utf8)) }
        #expect(missingError.field == "groups[0].count")
    }

    @Test("encoders see the full path at every depth")
    func encodingPaths() throws {
        let outer = Outer(name: "n", groups: [Inner(probes: [PathProbe(seen: "")], count: 1),
                                              Inner(probes: [PathProbe(seen: ""), PathProbe(seen: "")], count: 2)],
                          single: PathProbe(seen: ""))
        let value = try JSONParser.parse(try JSONCoding.encode(outer))
        #expect(value["single"] == ".single")
        #expect(value["groups"]?.arrayValue?[1]["probes"]?.arrayValue?[1] == ".groups[1].probes[1]")
        #expect(value["groups"]?.arrayValue?[0]["probes"]?.arrayValue?[0] == ".groups[0].probes[0]")
    }
}
