/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// Strict means: no comments, no trailing commas, no leading zeros, no NaN or Infinity, no
/// control characters inside strings, only valid UTF-8, no unpaired surrogate escapes, no
/// duplicate keys, nothing after the top-level value. Nesting deeper than `maximumDepth` is
/// refused instead of exhausting the stack, and numbers beyond a finite double are refused, so
/// no input can crash or hang it (the frame size limit bounds the work).
package struct JSONParser {
    /// Default nesting limit: deep enough for any message we define, far below stack danger.
    package static let defaultMaximumDepth = 64

    /// Parses one JSON document.
    package static func parse(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(JSONError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONError) -> JSONValue in
            try parse(buffer, maximumDepth: maximumDepth)
        }
    }

    /// Parses one JSON document held in `buffer`.
    package static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int = defaultMaximumDepth
    ) throws(JSONError) -> JSONValue {
        var parser = JSONCursor(buffer: buffer, maximumDepth: maximumDepth)
        defer { parser.releaseScratch() }
        // A large document's second half is parsed ahead on another thread (`ArrayTail`); it
        // reads `buffer`, so it must be done before this returns, whatever happens.
        let tail = buffer.count >= ArrayTail.threshold ? ArrayTail.start(in: buffer, maximumDepth: maximumDepth) : nil
        defer { tail?.waitUntilDone() }
        parser.tail = tail
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index != buffer.count {
            throw JSONError(.syntax, "unexpected data after the JSON value", offset: parser.index)
        }
        return value
    }
}

/// The parser's position and scratch state over one document.
struct JSONCursor {
    let buffer: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var index = 0
    /// The deepest container level entered so far.
    var deepest = 0
    /// Elements parsed ahead by a helper thread, to be taken when the parse reaches their start.
    var tail: ArrayTail?
    /// Members and elements of the containers being parsed, innermost last: each container is
    /// built with its exact size once complete (no repeated growth of small arrays), its entries
    /// moved out of the stack (no retain/release per entry).
    var memberStack = ScratchStack<JSONMember>()
    var keyHashes = ScratchStack<UInt64>()
    var valueStack = ScratchStack<JSONValue>()
    /// Reuse of repeated strings, for documents large enough to repay setting it up.
    let stringCache: StringReuseCache?

    /// Documents from this size on reuse repeated strings.
    static let stringCacheThreshold = 32 * 1024

    init(buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.buffer = buffer
        self.maximumDepth = maximumDepth
        stringCache = buffer.count >= Self.stringCacheThreshold ? StringReuseCache() : nil
    }

    /// Frees the scratch stacks (and whatever an error left on them).
    mutating func releaseScratch() {
        memberStack.release()
        valueStack.release()
        keyHashes.release()
        stringCache?.release()
    }

    @inline(__always) mutating func skipWhitespace() {
        while index < buffer.count {
            switch buffer[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func syntaxError(_ message: String) -> JSONError {
        JSONError(.syntax, message, offset: index)
    }

    mutating func parseValue(depth: Int) throws(JSONError) -> JSONValue {
        guard index < buffer.count else { throw syntaxError("unexpected end of input, expected a value") }
        switch buffer[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            throw syntaxError("unexpected character \(describe(buffer[index])), expected a value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= buffer.count else { throw syntaxError("unexpected end of input in a literal") }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where buffer[index + offset] != expected[offset] {
            throw syntaxError("invalid literal, expected \(literal)")
        }
        index += count
    }

    mutating func parseObject(depth: Int) throws(JSONError) -> JSONValue {
        guard depth <= maximumDepth else {
            throw JSONError(.tooDeep, "nesting deeper than \(maximumDepth) levels", offset: index)
        }
        if depth > deepest { deepest = depth }
        index += 1  // {
        skipWhitespace()
        if index < buffer.count, buffer[index] == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject())
        }
        let base = memberStack.count
        defer {
            memberStack.truncate(to: base)
            keyHashes.truncate(to: base)
        }
        var seen: Set<String>? = nil
        while true {
            skipWhitespace()
            guard index < buffer.count, buffer[index] == UInt8(ascii: "\"") else {
                throw syntaxError(index < buffer.count ? "expected a quoted key" : "unexpected end of input in an object")
            }
            let keyOffset = index
            let keyHash = hashOfString(at: index)
            let key = try parseString()
            // Duplicate check: small objects compare cheap byte hashes first (strings only when
            // hashes collide); large ones use a set (no quadratic blow-up).
            let memberCount = memberStack.count - base
            if memberCount < 16 {
                for position in base..<memberStack.count where keyHashes.start[position] == keyHash && memberStack.start[position].key == key {
                    throw JSONError(.duplicateKey, "duplicate key \"\(key)\"", offset: keyOffset)
                }
            } else {
                if seen == nil { seen = Set((base..<memberStack.count).map { memberStack.start[$0].key }) }
                if !seen!.insert(key).inserted {
                    throw JSONError(.duplicateKey, "duplicate key \"\(key)\"", offset: keyOffset)
                }
            }
            skipWhitespace()
            guard index < buffer.count, buffer[index] == UInt8(ascii: ":") else {
                throw syntaxError("expected ':' after an object key")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            memberStack.append(JSONMember(key: key, value: value))
            keyHashes.append(keyHash)
            skipWhitespace()
            guard index < buffer.count else { throw syntaxError("unexpected end of input in an object") }
            if buffer[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if buffer[index] == UInt8(ascii: "}") {
                index += 1
                return .object(JSONObject(uniqueMembers: memberStack.popArray(from: base)))
            }
            throw syntaxError("expected ',' or '}' in an object, found \(describe(buffer[index]))")
        }
    }

    mutating func parseArray(depth: Int) throws(JSONError) -> JSONValue {
        guard depth <= maximumDepth else {
            throw JSONError(.tooDeep, "nesting deeper than \(maximumDepth) levels", offset: index)
        }
        if depth > deepest { deepest = depth }
        index += 1  // [
        skipWhitespace()
        if index < buffer.count, buffer[index] == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        let base = valueStack.count
        defer { valueStack.truncate(to: base) }
        while true {
            skipWhitespace()
            if let tail, index == tail.start {
                self.tail = nil
                if let rest = tail.elements(ifWithinDepth: maximumDepth - depth) {
                    // The helper parsed this array's remaining elements and its closing bracket.
                    var array = valueStack.popArray(from: base)
                    array.append(contentsOf: rest)
                    index = tail.end
                    return .array(array)
                }
            }
            let element = try parseValue(depth: depth)
            valueStack.append(element)
            skipWhitespace()
            guard index < buffer.count else { throw syntaxError("unexpected end of input in an array") }
            if buffer[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if buffer[index] == UInt8(ascii: "]") {
                index += 1
                return .array(valueStack.popArray(from: base))
            }
            throw syntaxError("expected ',' or ']' in an array, found \(describe(buffer[index]))")
        }
    }

    /// FNV-1a over the raw bytes of the string starting at `start` (the opening quote), up to the
    /// closing quote or a backslash: a cheap fingerprint for duplicate-key checks.
    func hashOfString(at start: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var position = start + 1
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            position += 1
        }
        return hash
    }

    mutating func parseString() throws(JSONError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes. Locals keep the loop in registers; one OR tracks non-ASCII.
        let base = buffer.baseAddress!
        let end = buffer.count
        var position = start
        var seen: UInt8 = 0
        while position < end {
            let byte = base[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            seen |= byte
            position += 1
        }
        index = position
        if position < end && base[position] == UInt8(ascii: "\"") {
            let slice = UnsafeBufferPointer(start: base + start, count: position - start)
            index += 1
            if let stringCache, slice.count <= StringReuseCache.maximumLength {
                let slot = stringCache.slot(for: slice)
                if let string = stringCache.string(in: slot, matching: slice) { return string }
                let string = try makeString(slice, isASCII: seen < 0x80, start: start)
                stringCache.store(string, from: slice, in: slot)
                return string
            }
            return try makeString(slice, isASCII: seen < 0x80, start: start)
        }
        if position < end && base[position] < 0x20 {
            throw syntaxError("control character \(describe(base[position])) inside a string must be escaped")
        }
        guard index < buffer.count else {
            throw JSONError(.syntax, "unterminated string", offset: start - 1)
        }
        // Slow path: copy what we have, then decode escapes.
        var bytes = [UInt8](UnsafeBufferPointer(rebasing: buffer[start..<index]))
        while index < buffer.count {
            let byte = buffer[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let string = bytes.withUnsafeBufferPointer(JSONStringBytes.validatedString) else {
                    throw JSONError(.invalidUTF8, "string is not valid UTF-8", offset: start)
                }
                return string
            case UInt8(ascii: "\\"):
                index += 1
                guard index < buffer.count else { break }
                let escape = buffer[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): bytes.append(0x22)
                case UInt8(ascii: "\\"): bytes.append(0x5C)
                case UInt8(ascii: "/"): bytes.append(0x2F)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    JSONStringBytes.appendUTF8(scalar, to: &bytes)
                default:
                    index -= 1
                    throw syntaxError("invalid escape \\\(describe(escape)) in a string")
                }
            default:
                if byte < 0x20 { throw syntaxError("control character \(describe(byte)) inside a string must be escaped") }
                bytes.append(byte)
                index += 1
            }
        }
        throw JSONError(.syntax, "unterminated string", offset: start - 1)
    }

    /// The string of the unescaped `slice`, or the invalid-UTF-8 error for the string at `start`.
    @inline(__always) func makeString(_ slice: UnsafeBufferPointer<UInt8>, isASCII: Bool, start: Int) throws(JSONError) -> String {
        if isASCII { return String(decoding: slice, as: UTF8.self) }
        guard let string = JSONStringBytes.validatedString(slice) else {
            throw JSONError(.invalidUTF8, "string is not valid UTF-8", offset: start)
        }
        return string
    }

    /// Reads the 4 hex digits after `\u` (and a following low surrogate escape if needed).
    mutating func parseUnicodeEscape() throws(JSONError) -> UInt32 {
        let first = try readHex4()
        switch first {
        case 0xD800...0xDBFF:
            guard index + 6 <= buffer.count, buffer[index] == UInt8(ascii: "\\"), buffer[index + 1] == UInt8(ascii: "u")
            else { throw JSONError(.invalidUTF8, "unpaired high surrogate \\u escape", offset: index) }
            index += 2
            let second = try readHex4()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONError(.invalidUTF8, "high surrogate not followed by a low surrogate", offset: index)
            }
            return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        case 0xDC00...0xDFFF:
            throw JSONError(.invalidUTF8, "unpaired low surrogate \\u escape", offset: index)
        default:
            return first
        }
    }

    mutating func readHex4() throws(JSONError) -> UInt32 {
        guard index + 4 <= buffer.count else { throw syntaxError("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = buffer[index]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw syntaxError("invalid hex digit \(describe(c)) in a \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    mutating func parseNumber() throws(JSONError) -> JSONValue {
        let start = index
        var negative = false
        if buffer[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < buffer.count, isDigit(buffer[index]) else { throw syntaxError("expected a digit in a number") }
        var integer: Int64 = 0
        var overflow = false
        if buffer[index] == UInt8(ascii: "0") {
            index += 1
            if index < buffer.count, isDigit(buffer[index]) {
                throw syntaxError("numbers must not have leading zeros")
            }
        } else {
            while index < buffer.count, isDigit(buffer[index]) {
                let digit = Int64(buffer[index] - UInt8(ascii: "0"))
                if !overflow {
                    let (times10, o1) = integer.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
                    if o1 || o2 { overflow = true } else { integer = sum }
                }
                index += 1
            }
        }
        var isInteger = true
        if index < buffer.count, buffer[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < buffer.count, isDigit(buffer[index]) else { throw syntaxError("expected a digit after '.'") }
            while index < buffer.count, isDigit(buffer[index]) { index += 1 }
        }
        if index < buffer.count, buffer[index] == UInt8(ascii: "e") || buffer[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < buffer.count, buffer[index] == UInt8(ascii: "+") || buffer[index] == UInt8(ascii: "-") { index += 1 }
            guard index < buffer.count, isDigit(buffer[index]) else { throw syntaxError("expected a digit in an exponent") }
            while index < buffer.count, isDigit(buffer[index]) { index += 1 }
        }
        if isInteger && !overflow { return .int(integer) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            throw JSONError(.numberOutOfRange, "number \(text.prefix(40)) is out of range", offset: start)
        }
        return .double(double)
    }

    @inline(__always) func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
