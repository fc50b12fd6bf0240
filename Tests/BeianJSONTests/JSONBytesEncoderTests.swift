import Foundation
import Testing
@testable import BeianJSON

private struct Inner: Codable, Equatable {
    var label: String
    var values: [Int]
    var flags: [String: Bool]
    var labels: [String: String] = [:]
}

private enum Shape: Codable, Equatable {
    case circle(radius: Double)
    case square(side: Int, label: String?)
    case empty
}

private struct Outer: Codable, Equatable {
    var id: Int64
    var title: String?
    var inner: Inner
    var inners: [Inner]
    var optionalInner: Inner?
    var shapes: [Shape]
    var matrix: [[Int]]
    var date: Date
    var blob: Data
    var any: JSONValue
    var nothing: Empty
    struct Empty: Codable, Equatable {}
}

/// Writes to the parent, then goes back to a nested container: legal, out of order.
private struct BackAndForth: Encodable {
    enum Keys: String, CodingKey { case a, nested, b }
    enum NestedKeys: String, CodingKey { case x, y }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var nested = container.nestedContainer(keyedBy: NestedKeys.self, forKey: .nested)
        try nested.encode(1, forKey: .x)
        try container.encode("a", forKey: .a)
        try nested.encode(2, forKey: .y)
    }
}

/// Uses a superclass-style super encoder.
private struct WithSuper: Encodable {
    enum Keys: String, CodingKey { case own }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(1, forKey: .own)
        try ["base": 2].encode(to: container.superEncoder())
    }
}

/// Two keyed containers on one encoder (the model's discriminated unions do this).
private struct TwoContainers: Encodable {
    enum KindKey: String, CodingKey { case kind }
    enum BodyKeys: String, CodingKey { case name }
    func encode(to encoder: any Encoder) throws {
        var kind = encoder.container(keyedBy: KindKey.self)
        try kind.encode("unit", forKey: .kind)
        var body = encoder.container(keyedBy: BodyKeys.self)
        try body.encode("开平", forKey: .name)
    }
}

@Suite("Streaming byte encoder")
struct JSONBytesEncoderTests {
    fileprivate static let sample = Outer(
        id: 42, title: nil, inner: Inner(label: "中文\"\n", values: [1, -2], flags: ["camelKey": true],
                     labels: ["zeta": "末", "alpha": "引\"号\n", "objectKind": "account", "状态": "submitted", "": ""]),
        inners: [Inner(label: "a", values: [], flags: [:]), Inner(label: "b", values: [3], flags: ["x": false])],
        optionalInner: nil, shapes: [.circle(radius: 1.5), .square(side: 2, label: nil), .empty],
        matrix: [[1, 2], [], [3]], date: Date(timeIntervalSince1970: 1_700_000_000.25), blob: Data([0, 1, 255]),
        any: ["k": [1, "v", .null]], nothing: Outer.Empty())

    @Test("writes exactly what the tree encoder writes")
    func matchesTree() throws {
        let direct = try JSONCoding.encode(Self.sample)
        let tree = try JSONWriter.serialize(try JSONValueEncoder().encode(Self.sample))
        #expect(String(decoding: direct, as: UTF8.self) == String(decoding: tree, as: UTF8.self))
        #expect(try JSONCoding.decode(Outer.self, from: direct) == Self.sample)
    }

    @Test("out-of-order container use and super encoders fall back to the tree, correctly")
    func fallback() throws {
        #expect(try JSONParser.parse(try JSONCoding.encode(BackAndForth())) == ["nested": ["x": 1, "y": 2], "a": "a"])
        #expect(try JSONParser.parse(try JSONCoding.encode(WithSuper())) == ["own": 1, "super": ["base": 2]])
    }

    @Test("[String: String] members are written verbatim, in sorted key order")
    func stringDictionaries() throws {
        let labels = ["zeta": "z", "alpha": "a", "objectKind": "k\"", "状态": "s"]
        #expect(String(decoding: try JSONCoding.encode(labels), as: UTF8.self)
                == #"{"alpha":"a","objectKind":"k\"","zeta":"z","状态":"s"}"#)
        #expect(String(decoding: try JSONCoding.encode([String: String]()), as: UTF8.self) == "{}")
    }

    @Test("two keyed containers on one encoder share one object")
    func twoContainers() throws {
        #expect(String(decoding: try JSONCoding.encode(TwoContainers()), as: UTF8.self) == #"{"kind":"unit","name":"开平"}"#)
    }

    @Test("non-finite numbers fail with the field path, top-level scalars work")
    func scalarsAndErrors() throws {
        #expect(String(decoding: try JSONCoding.encode("x"), as: UTF8.self) == "\"x\"")
        #expect(String(decoding: try JSONCoding.encode([1, 2]), as: UTF8.self) == "[1,2]")
        struct Bad: Encodable { var list: [Double] }
        do {
            _ = try JSONCoding.encode(Bad(list: [1, .infinity]))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .numberOutOfRange)
            #expect(error.field == "list[1]")
        }
    }
}
