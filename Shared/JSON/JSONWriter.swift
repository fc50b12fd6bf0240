/// Writes JSON values as compact, strict UTF-8 JSON text.
///
/// Strings keep non-ASCII characters as UTF-8 (Chinese text stays readable on the wire); quotes,
/// backslashes and control characters are escaped. Non-finite doubles cannot be written and throw,
/// so every reply is strict JSON whatever the request held.
package struct JSONWriter {
    package private(set) var bytes: [UInt8]

    package init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Serializes `value` into a new byte array.
    package static func serialize(_ value: JSONValue) throws(JSONError) -> [UInt8] {
        var writer = JSONWriter()
        try writer.write(value)
        return writer.bytes
    }

    package mutating func write(_ value: JSONValue) throws(JSONError) {
        switch value {
        case .null: appendLiteral("null")
        case .bool(let b): appendLiteral(b ? "true" : "false")
        case .int(let i): writeInteger(i)
        case .double(let d): try writeDouble(d)
        case .string(let s): writeString(s)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                try write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            for (i, member) in object.storage.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.key)
                bytes.append(UInt8(ascii: ":"))
                try write(member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends raw bytes that the caller guarantees are valid JSON text (e.g. a pre-encoded member).
    package mutating func appendRaw<C: Collection>(_ raw: C) where C.Element == UInt8 {
        bytes.append(contentsOf: raw)
    }

    @inline(__always)
    package mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Overwrites 4 bytes at `offset` with `value`, big-endian (a frame's length prefix).
    package mutating func patchBigEndianUInt32(at offset: Int, _ value: UInt32) {
        bytes[offset] = UInt8(truncatingIfNeeded: value >> 24)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 16)
        bytes[offset + 2] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[offset + 3] = UInt8(truncatingIfNeeded: value)
    }

    /// Drops everything written after the first `count` bytes.
    package mutating func truncate(to count: Int) {
        bytes.removeLast(bytes.count - count)
    }

    /// Takes the written bytes out, leaving the writer empty.
    package mutating func takeBytes() -> [UInt8] {
        let taken = bytes
        bytes = []
        return taken
    }

    package mutating func appendLiteral(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    package mutating func writeInteger(_ value: Int64) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var magnitude = value.magnitude
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(raw[i]) }
        }
    }

    package mutating func writeDouble(_ value: Double) throws(JSONError) {
        guard value.isFinite else {
            throw JSONError(.numberOutOfRange, "cannot write \(value) as JSON (only finite numbers exist in JSON)")
        }
        if let exact = Int64(exactly: value), abs(value) < 1e15 {
            writeInteger(exact)
            return
        }
        // Swift prints the shortest representation that round-trips; its forms ("1e-05",
        // "1.5e+20", "0.1") are all valid JSON numbers.
        bytes.append(contentsOf: value.description.utf8)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// For each byte: 0 = copy as is, else the character after the backslash (`u` for \u00XX).
    private static let escapes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0..<0x20 { table[byte] = UInt8(ascii: "u") }
        table[0x22] = UInt8(ascii: "\"")
        table[0x5C] = UInt8(ascii: "\\")
        table[0x0A] = UInt8(ascii: "n")
        table[0x0D] = UInt8(ascii: "r")
        table[0x09] = UInt8(ascii: "t")
        table[0x08] = UInt8(ascii: "b")
        table[0x0C] = UInt8(ascii: "f")
        return table
    }()

    package mutating func writeString(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in writeStringBytes(utf8) }
    }

    /// Writes UTF-8 bytes as a JSON string: runs that need no escaping are copied in one go.
    package mutating func writeStringBytes(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        Self.escapes.withUnsafeBufferPointer { table in
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                let escape = table[Int(utf8[index])]
                if escape == 0 {
                    index += 1
                    continue
                }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                bytes.append(UInt8(ascii: "\\"))
                if escape == UInt8(ascii: "u") {
                    let byte = utf8[index]
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
                } else {
                    bytes.append(escape)
                }
                index += 1
                runStart = index
            }
            if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
