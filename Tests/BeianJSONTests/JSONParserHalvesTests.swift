import Testing
@testable import BeianJSON

/// Documents of 256 KiB or more are parsed in two halves (`ArrayTail`): the second half of
/// their big array on a helper thread. The value, and every error, must be exactly what one
/// pass gives, wherever the guessed boundary falls.
@Suite("JSON parser: large documents in two halves")
struct JSONParserHalvesTests {
    @Test("a large array of objects parses to the generated value, and the helper's half is used", arguments: [11, 12, 13] as [UInt64])
    func halves(seed: UInt64) throws {
        var generator = DocumentGenerator(seed: seed)
        let (text, expected) = generator.largeDocument(items: 12_000)
        #expect(text.count > ArrayTail.threshold)
        let before = ArrayTail.adoptions.load(ordering: .relaxed)
        #expect(try JSONParser.parse(text) == expected)
        #expect(ArrayTail.adoptions.load(ordering: .relaxed) > before)
    }

    @Test("a boundary guessed inside a string or an inner array still gives the right value")
    func misleadingBoundaries() throws {
        // Around the middle: a long string full of `},{"id":` and objects whose inner arrays hold
        // objects, so the first `},{` after the middle is not an element of the outer array.
        var items: [JSONValue] = []
        var text = Array(#"{"items":["#.utf8)
        for index in 0..<17_000 {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            let note = index % 500 == 250 ? String(repeating: #"},{\"id\":1},{"#, count: 40) : "n\(index)"
            let noteValue = index % 500 == 250 ? String(repeating: #"},{"id":1},{"#, count: 40) : "n\(index)"
            text += Array(#"{"id":\#(index),"inner":[{"a":1},{"b":[{"c":2},{"d":3}]}],"note":"\#(note)"}"#.utf8)
            items.append(["id": .int(Int64(index)), "inner": [["a": 1], ["b": [["c": 2], ["d": 3]]]], "note": .string(noteValue)])
        }
        text += Array(#"]}"#.utf8)
        #expect(text.count > ArrayTail.threshold)
        #expect(try JSONParser.parse(text) == ["items": .array(items)])
        // Every place near the middle as the guess: pad the front so the middle moves.
        for padding in stride(from: 0, to: 400, by: 37) {
            let padded = Array(repeating: UInt8(ascii: " "), count: padding) + text
            #expect(try JSONParser.parse(padded) == ["items": .array(items)], "padding \(padding)")
        }
    }

    @Test("errors in the second half are the errors of one pass: syntax, duplicate key, depth")
    func errors() throws {
        var generator = DocumentGenerator(seed: 21)
        let (text, _) = generator.largeDocument(items: 12_000)
        let late = text.count * 3 / 4
        // A syntax error: the first '{' after three quarters becomes '}'.
        let brace = text[late...].firstIndex(of: UInt8(ascii: "{"))!
        var broken = text
        broken[brace] = UInt8(ascii: "}")
        let syntax = try #require(parseError(broken))
        #expect(syntax.kind == .syntax)
        #expect(syntax.offset == brace)

        // A duplicate key late in the array.
        var duplicated = Array(#"{"results":["#.utf8)
        for index in 0..<32_000 {
            if index > 0 { duplicated.append(UInt8(ascii: ",")) }
            let key = index == 27_000 ? "x" : "y"
            duplicated += Array(#"{"x":\#(index),"\#(key)":"value number \#(index)"}"#.utf8)
        }
        duplicated += Array("]}".utf8)
        #expect(duplicated.count > ArrayTail.threshold)
        #expect(parseError(duplicated)?.kind == .duplicateKey)

        // Depth: with a limit of 6, an element (an object at level 3) holding 3 nested arrays
        // (6 in all) is fine; 4 (7 in all) are refused, though the helper alone, counting from
        // the element, would have accepted them.
        for (extra, allowed) in [(3, true), (4, false)] {
            var deep = Array(#"{"results":["#.utf8)
            for index in 0..<40_000 {
                if index > 0 { deep.append(UInt8(ascii: ",")) }
                if index == 35_000 {
                    deep += Array(#"{"n":"#.utf8) + Array(repeating: UInt8(ascii: "["), count: extra) + Array("1".utf8)
                        + Array(repeating: UInt8(ascii: "]"), count: extra) + Array("}".utf8)
                } else {
                    deep += Array(#"{"n":\#(index),"text":"some words"}"#.utf8)
                }
            }
            deep += Array("]}".utf8)
            let error = parseError(deep, maximumDepth: 6)
            #expect(allowed ? error == nil : error?.kind == .tooDeep, "nesting \(extra) below the element")
        }
    }

    private func parseError(_ text: [UInt8], maximumDepth: Int = JSONParser.defaultMaximumDepth) -> JSONError? {
        do {
            _ = try JSONParser.parse(text, maximumDepth: maximumDepth)
            return nil
        } catch {
            return error
        }
    }
}
