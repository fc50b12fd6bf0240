/// UTF-8 helpers of the parser's string decoding.
enum JSONStringBytes {
    /// The string of `bytes` if they are valid UTF-8, else nil. `String._tryFromUTF8` (public,
    /// used by Foundation) validates once, non-generically; `String(validating:as:)` is generic
    /// and pays runtime metadata look-ups on every call.
    @inline(__always) static func validatedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        String._tryFromUTF8(bytes)
    }

    /// Appends the UTF-8 encoding of `scalar` (a valid scalar: surrogates are refused before).
    static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (scalar >> 6)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (scalar >> 12)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (scalar >> 18)))
            bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
