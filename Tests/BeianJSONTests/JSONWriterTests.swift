import Testing
@testable import BeianJSON

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("writes compact strict JSON and escapes what must be escaped")
    func escaping() throws {
        let value: JSONValue = ["s": "中\"\\\n\u{1}/", "n": -12, "d": 0.5, "b": true, "z": .null, "a": [1, 2]]
        let text = String(decoding: try JSONWriter.serialize(value), as: UTF8.self)
        #expect(text == #"{"s":"中\"\\\n\u0001/","n":-12,"d":0.5,"b":true,"z":null,"a":[1,2]}"#)
    }

    @Test("integers of every magnitude round trip", arguments: [0, 9, 10, -1, -10, 123456789, Int64.max, Int64.min])
    func integers(value: Int64) throws {
        let bytes = try JSONWriter.serialize(.int(value))
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        #expect(try JSONParser.parse(bytes) == .int(value))
    }

    @Test("doubles round trip exactly", arguments: [0.1, 1e-5, 1.5e300, -2.25, 123456789.125, Double.leastNonzeroMagnitude])
    func doubles(value: Double) throws {
        let bytes = try JSONWriter.serialize(.double(value))
        #expect(try JSONParser.parse(bytes).doubleValue == value)
    }

    @Test("non-finite numbers cannot be written", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(value: Double) {
        #expect {
            try JSONWriter.serialize(["x": .double(value)])
        } throws: { ($0 as? JSONError)?.kind == .numberOutOfRange }
    }

    @Test("parse and write are inverse for a varied document")
    func roundTrip() throws {
        let text = #"{"call":7,"method":"beian.intake.v1.Intake/SubmitFiling","metadata":{"k":"v"},"message":{"name":"开平发布","list":[1,2.5,"x",null,{"y":[]}]},"end":true}"#
        let value = try JSONParser.parse(Array(text.utf8))
        #expect(String(decoding: try JSONWriter.serialize(value), as: UTF8.self) == text)
    }

    @Test("pretty printing indents nested values")
    func pretty() throws {
        let text = PrettyPrinter.format(["a": [1, ["b": "c"]], "e": [:] as JSONValue])
        #expect(text == "{\n  \"a\": [\n    1,\n    {\n      \"b\": \"c\"\n    }\n  ],\n  \"e\": {}\n}")
    }
}
