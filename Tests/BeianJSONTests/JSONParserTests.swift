import Testing
@testable import BeianJSON

@Suite("JSON parser")
struct JSONParserTests {
    @Test("valid documents parse to the expected values", arguments: [
        (#"{"a":1,"b":[true,false,null],"c":"x"}"#, ["a": 1, "b": [true, false, .null], "c": "x"] as JSONValue),
        (#"  [ 1 , -2 , 3.5 , 1e3, -0 ]  "#, [1, -2, 3.5, 1000.0, 0]),
        (#""\u4e2d\u6587 \"q\" \\ \/ \b\f\n\r\t""#, "中文 \"q\" \\ / \u{8}\u{C}\n\r\t"),
        (#""\ud83d\ude00""#, "😀"),
        (#""商洛发布""#, "商洛发布"),
        ("9223372036854775807", .int(Int64.max)),
        ("-9223372036854775808", .int(Int64.min)),
        ("9223372036854775808", .double(9223372036854775808.0)),
        ("{}", .object(JSONObject())),
        ("[]", []),
    ] as [(String, JSONValue)])
    func valid(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(Array(text.utf8)) == expected)
    }

    @Test("invalid documents are refused with the right kind", arguments: [
        ("", JSONError.Kind.syntax),
        ("{", .syntax),
        (#"{"a":1,}"#, .syntax),
        ("[1,]", .syntax),
        ("01", .syntax),
        ("1.", .syntax),
        ("+1", .syntax),
        ("NaN", .syntax),
        ("Infinity", .syntax),
        ("-Infinity", .syntax),
        ("nul", .syntax),
        (#"{"a" 1}"#, .syntax),
        (#""abc"#, .syntax),
        ("\"a\u{1}b\"", .syntax),
        (#""\x""#, .syntax),
        (#""\u12G4""#, .syntax),
        ("// c\n1", .syntax),
        ("1 2", .syntax),
        ("1e400", .numberOutOfRange),
        ("-1e400", .numberOutOfRange),
        (#"{"a":1,"a":2}"#, .duplicateKey),
        (#""\ud800""#, .invalidUTF8),
        (#""\udc00x""#, .invalidUTF8),
        (#""\ud800\u0041""#, .invalidUTF8),
    ] as [(String, JSONError.Kind)])
    func invalid(text: String, kind: JSONError.Kind) {
        #expect {
            try JSONParser.parse(Array(text.utf8))
        } throws: { error in
            (error as? JSONError)?.kind == kind
        }
    }

    @Test("invalid UTF-8 bytes inside strings are refused", arguments: [
        [0x22, 0xFF, 0x22],
        [0x22, 0xC3, 0x22],  // truncated 2-byte sequence
        [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate
        [0x22, 0xC0, 0xAF, 0x22],  // overlong
        [0x22, 0x5C, 0x6E, 0xFE, 0x22],  // after an escape (slow path)
    ] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) {
        #expect(throws: JSONError.self) { try JSONParser.parse(bytes) }
    }

    @Test("deep nesting is refused, not a stack overflow")
    func deepNesting() {
        let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
        #expect {
            try JSONParser.parse(deep)
        } throws: { ($0 as? JSONError)?.kind == .tooDeep }
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONParser.parse(Array(ok.utf8)) }
        let tooDeep = String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(throws: JSONError.self) { try JSONParser.parse(Array(tooDeep.utf8)) }
    }

    @Test("large objects with a duplicate far in are refused quickly")
    func largeObjectDuplicate() {
        var text = "{"
        for i in 0..<50_000 { text += "\"k\(i)\":\(i)," }
        text += "\"k7\":0}"
        #expect {
            try JSONParser.parse(Array(text.utf8))
        } throws: { ($0 as? JSONError)?.kind == .duplicateKey }
    }

    @Test("syntax errors carry the byte offset")
    func offsets() {
        do {
            _ = try JSONParser.parse(Array(#"{"a": tru}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 6)
        }
    }
}
