import Testing
@testable import BeianJSON

/// Generated documents: text and the value it must parse to are built together, with random
/// nesting, escapes (`\n`, `\u4e2d`, surrogate pairs), Chinese, emoji and numbers, so the parser's
/// fast paths (unescaped strings, repeated-string reuse in large documents, moved containers)
/// are checked against values built independently of the parser.
@Suite("JSON parser on generated documents")
struct JSONParserGeneratedTests {
    @Test("generated documents parse to exactly the generated values", arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func generated(seed: UInt64) throws {
        var generator = DocumentGenerator(seed: seed)
        // Small documents, and large ones (past the size where the parser reuses repeated strings).
        for _ in 0..<40 {
            let (text, expected) = generator.document(depth: 0, budget: 40)
            #expect(try JSONParser.parse(text) == expected)
        }
        let (text, expected) = generator.largeDocument(items: 1_500)
        #expect(text.count > 100_000)
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test("invalid UTF-8 anywhere is refused: in keys, in strings, between tokens", arguments: [
        [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE4, 0xB8], [0xF4, 0x90, 0x80, 0x80], [0x80],
    ] as [[UInt8]])
    func invalidUTF8Anywhere(bad: [UInt8]) throws {
        var generator = DocumentGenerator(seed: 99)
        for size in [10, 1_500] {
            let (text, _) = size == 10 ? generator.document(depth: 0, budget: 30) : generator.largeDocument(items: size)
            #expect(throws: Never.self) { try JSONParser.parse(text) }
            // Places inside strings at a character boundary (not inside an escape), and places
            // right after a ',' or ':' outside strings.
            var stringStarts: [Int] = []
            var betweenTokens: [Int] = []
            var inString = false
            var index = 0
            while index < text.count {
                let byte = text[index]
                if inString {
                    if byte < 0x80 { stringStarts.append(index) }
                    if byte == 0x5C { index += text[index + 1] == UInt8(ascii: "u") ? 6 : 2; continue }
                    if byte == 0x22 { inString = false }
                } else if byte == 0x22 {
                    inString = true
                } else if byte == 0x2C || byte == 0x3A {
                    betweenTokens.append(index + 1)
                }
                index += 1
            }
            let samples = size == 10 ? 40 : 12
            for position in stride(from: 0, to: stringStarts.count, by: max(1, stringStarts.count / samples)) {
                var broken = text
                broken.insert(contentsOf: bad, at: stringStarts[position])
                #expect(throws: JSONError.self) { try JSONParser.parse(broken) }
                do { _ = try JSONParser.parse(broken) } catch { #expect(error.kind == .invalidUTF8) }
            }
            for position in stride(from: 0, to: betweenTokens.count, by: max(1, betweenTokens.count / samples)) {
                var broken = text
                broken.insert(contentsOf: bad, at: betweenTokens[position])
                do { _ = try JSONParser.parse(broken); Issue.record("accepted invalid UTF-8 between tokens") } catch {
                    #expect(error.kind == .syntax)
                    #expect(error.offset == betweenTokens[position])
                }
            }
        }
    }

    @Test("invalid UTF-8 inside long unescaped Chinese strings is refused (fast path)", arguments: [false, true])
    func invalidInLongUnescapedString(large: Bool) throws {
        let text = Array("身份证号码校验位错误 广东省江门市开平市 😀".utf8)
        var generator = DocumentGenerator(seed: 7)
        let prefix = large ? Array("[".utf8) + generator.largeDocument(items: 1_500).text + Array(",".utf8) : Array("[".utf8)
        let parsed = try JSONParser.parse(prefix + [0x22] + text + [0x22, 0x5D])
        #expect(parsed.arrayValue?.last == .string(String(decoding: text, as: UTF8.self)))
        for position in 0...text.count where position == text.count || text[position] & 0xC0 != 0x80 {
            var broken = text
            broken.insert(contentsOf: [0xE4, 0xB8], at: position)
            do { _ = try JSONParser.parse(prefix + [0x22] + broken + [0x22, 0x5D]); Issue.record("accepted") } catch {
                #expect(error.kind == .invalidUTF8)
                #expect(error.offset == prefix.count + 1)
            }
        }
    }

    @Test("a string's UTF-8 error names the string's offset, in small and large documents")
    func errorOffsets() throws {
        var generator = DocumentGenerator(seed: 5)
        let (large, _) = generator.largeDocument(items: 1_500)
        for prefix in [Array("[".utf8), Array("[".utf8) + large + Array(",".utf8)] {
            let text = prefix + [0x22, 0x41, 0xE4, 0xB8, 0x22, 0x5D]
            do { _ = try JSONParser.parse(text); Issue.record("accepted") } catch {
                #expect(error.kind == .invalidUTF8)
                #expect(error.offset == prefix.count + 1)
                #expect(error.message == "string is not valid UTF-8")
            }
        }
    }
}

/// Random JSON text together with the value it denotes (SplitMix64: the same seed gives the same
/// documents on every run).
struct DocumentGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    static let pieces: [String] = ["a", "Z", "0", " ", "商洛", "发布", "身份证", "中文", "😀", "🇨🇳", "é", "\"", "\\", "/", "\n", "\t",
                                   "\u{1}", "\u{7F}", "\u{FFFF}", "\u{10FFFF}", "ʼ", "key", "广东省江门市开平市"]
    static let common: [String] = ["resident_id", "身份证号码校验位错误", "checksum digit is wrong", "440783", "valid", "广东省"]

    /// A string value and its JSON text, each character escaped at random where JSON allows it.
    mutating func string(maximumPieces: Int = 6) -> (text: [UInt8], value: String) {
        if below(4) == 0 { return quoted(Self.common[below(Self.common.count)]) }
        var value = ""
        for _ in 0..<below(maximumPieces + 1) { value += Self.pieces[below(Self.pieces.count)] }
        return quoted(value)
    }

    mutating func quoted(_ value: String) -> (text: [UInt8], value: String) {
        var text: [UInt8] = [0x22]
        for scalar in value.unicodeScalars {
            let mustEscape = scalar == "\"" || scalar == "\\" || scalar.value < 0x20
            if mustEscape || below(6) == 0 {
                switch (scalar, below(2)) {
                case ("\"", 0): text += Array(#"\""#.utf8)
                case ("\\", 0): text += Array(#"\\"#.utf8)
                case ("/", 0): text += Array(#"\/"#.utf8)
                case ("\n", 0): text += Array(#"\n"#.utf8)
                case ("\t", 0): text += Array(#"\t"#.utf8)
                default:
                    for unit in String(scalar).utf16 {
                        let hex = String(unit, radix: 16, uppercase: below(2) == 0)
                        text += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                    }
                }
            } else {
                text += Array(String(scalar).utf8)
            }
        }
        text.append(0x22)
        return (text, value)
    }

    mutating func number() -> (text: [UInt8], value: JSONValue) {
        switch below(6) {
        case 0: let n = Int64(bitPattern: next()); return (Array(String(n).utf8), .int(n))
        case 1: let n = Int64(below(2_000)) - 1_000; return (Array(String(n).utf8), .int(n))
        case 2: return (Array("9223372036854775808".utf8), .double(9_223_372_036_854_775_808.0))
        case 3: let d = Double(below(1_000_000)) / 64; return (Array("\(d)".utf8), .double(d))
        case 4: return (Array("-1.5e3".utf8), .double(-1500))
        default: return (Array("0".utf8), .int(0))
        }
    }

    mutating func document(depth: Int, budget: Int) -> (text: [UInt8], value: JSONValue) {
        let choice = depth > 6 || budget <= 1 ? below(5) : below(8)
        let space: [UInt8] = below(4) == 0 ? [0x20, 0x0A] : []
        switch choice {
        case 0: return (space + Array("null".utf8), .null)
        case 1: let b = below(2) == 0; return (Array((b ? "true" : "false").utf8) + space, .bool(b))
        case 2, 3: let (text, value) = string(); return (text, .string(value))
        case 4: return number()
        case 5:
            var text: [UInt8] = Array("[".utf8) + space
            var values: [JSONValue] = []
            for index in 0..<below(6) {
                if index > 0 { text += Array(",".utf8) + space }
                let (elementText, element) = document(depth: depth + 1, budget: budget / 2)
                text += elementText
                values.append(element)
            }
            return (text + space + Array("]".utf8), .array(values))
        default:
            var text: [UInt8] = Array("{".utf8) + space
            var object = JSONObject()
            var keys: Set<String> = []
            for _ in 0..<below(20) {
                let (keyText, key) = string(maximumPieces: 3)
                guard keys.insert(key).inserted else { continue }
                if !object.isEmpty { text += Array(",".utf8) + space }
                let (valueText, value) = document(depth: depth + 1, budget: budget / 3)
                text += keyText + space + Array(":".utf8) + space + valueText
                object.appendUnchecked(key: key, value: value)
            }
            return (text + space + Array("}".utf8), .object(object))
        }
    }

    /// A VerifyBatch-like answer: many result objects sharing keys and common strings.
    mutating func largeDocument(items: Int) -> (text: [UInt8], value: JSONValue) {
        var text: [UInt8] = Array(#"{"results":["#.utf8)
        var results: [JSONValue] = []
        for index in 0..<items {
            if index > 0 { text.append(0x2C) }
            let (itemText, item) = document(depth: 5, budget: 12)
            let (kindText, kind) = string()
            text += Array(#"{"index":\#(index),"kind":"#.utf8) + kindText + Array(#","item":"#.utf8) + itemText + [0x7D]
            results.append(["index": .int(Int64(index)), "kind": .string(kind), "item": item])
        }
        text += Array(#"],"count":\#(items)}"#.utf8)
        return (text, ["results": .array(results), "count": .int(Int64(items))])
    }
}
