/// Division codes read from identifiers (the identity checks validate the identifiers; this
/// only reads where they were issued).
package enum RegionCodes {
    /// The first 6 digits of a resident ID number (15 or 18 characters), or nil.
    package static func fromResidentID(_ id: String) -> String? {
        let bytes = Array(TextNormalization.code(id).utf8)
        guard bytes.count == 18 || bytes.count == 15, bytes[0..<6].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return String(decoding: bytes[0..<6], as: UTF8.self)
    }

    /// Characters 3-8 of an 18-character unified social credit code (the registration
    /// authority's division code), or nil.
    package static func fromCreditCode(_ creditCode: String) -> String? {
        let bytes = Array(TextNormalization.code(creditCode).utf8)
        guard bytes.count == 18, bytes[2..<8].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return String(decoding: bytes[2..<8], as: UTF8.self)
    }
}

extension RegionCodes {
    /// The length of `regionCode`'s prefix (trailing `00` pairs removed, as `RegionCode.prefix`)
    /// when `code` starts with it, else nil. No strings are built.
    package static func prefixLength(of regionCode: String, matching code: [UInt8]) -> Int? {
        let region = Array(regionCode.utf8)
        var length = region.count
        while length > 2, region[length - 1] == 48, region[length - 2] == 48 { length -= 2 }
        guard length <= code.count, code[0..<length].elementsEqual(region[0..<length]) else { return nil }
        return length
    }
}

extension Territory {
    /// The territory's region whose prefix `code` starts with (the longest such prefix), or nil.
    package func region(containing code: String) -> RegionCode? {
        let bytes = Array(code.utf8)
        var best: Int?
        for (index, prefix) in matcher.regionPrefixes.enumerated()
        where prefix.count <= bytes.count && bytes[0..<prefix.count].elementsEqual(prefix) {
            if best == nil || prefix.count > matcher.regionPrefixes[best!].count { best = index }
        }
        return best.map { regionCodes[$0] }
    }
}
