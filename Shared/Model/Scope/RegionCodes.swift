/// Division codes read from identifiers (the identity checks validate the identifiers; this
/// only reads where they were issued).
package enum RegionCodes {
    /// The first 6 digits of a resident ID number (15 or 18 characters), or nil.
    package static func fromResidentID(_ id: String) -> String? {
        let code = TextNormalization.code(id)
        guard code.count == 18 || code.count == 15 else { return nil }
        let prefix = String(code.prefix(6))
        return prefix.allSatisfy { $0.isASCII && $0.isNumber } ? prefix : nil
    }

    /// Characters 3-8 of an 18-character unified social credit code (the registration
    /// authority's division code), or nil.
    package static func fromCreditCode(_ creditCode: String) -> String? {
        let code = Array(TextNormalization.code(creditCode))
        guard code.count == 18 else { return nil }
        let region = String(code[2..<8])
        return region.allSatisfy { $0.isASCII && $0.isNumber } ? region : nil
    }
}

extension Territory {
    /// The territory's region whose prefix `code` starts with (the longest such prefix), or nil.
    package func region(containing code: String) -> RegionCode? {
        regionCodes.filter { code.hasPrefix($0.prefix) }.max { $0.prefix.count < $1.prefix.count }
    }
}
