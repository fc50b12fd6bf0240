import BeianJSON
import BeianModel

/// The JSON form of every region fact of the division table, built once at start: results share
/// these values instead of building the same region object again for every number.
///
/// Looked up by an integer key (code and first year of the name), not by hashing the region's
/// strings: hashing Chinese names costs more than building the object would.
final class RegionJSONCache: Sendable {
    private let encoded: [Int: (region: IdentityCheck.Region, json: JSONValue)]

    /// Encodes every region fact of `divisions`.
    init(divisions: DivisionRegistry) {
        var encoded: [Int: (region: IdentityCheck.Region, json: JSONValue)] = [:]
        encoded.reserveCapacity(divisions.regionFacts.count)
        for region in divisions.regionFacts {
            guard let key = Self.key(region), encoded[key] == nil else { continue }
            encoded[key] = (region, IdentityJSON.region(region))
        }
        self.encoded = encoded
    }

    /// The JSON of a region (prepared, or built now for a region outside the table).
    func json(_ region: IdentityCheck.Region) -> JSONValue {
        if let key = Self.key(region), let entry = encoded[key], entry.region == region { return entry.json }
        return IdentityJSON.region(region)
    }

    /// Six-digit code and first year of the name as one integer; nil for a code that is not six digits.
    private static func key(_ region: IdentityCheck.Region) -> Int? {
        var code = 0
        var count = 0
        for byte in region.code.utf8 {
            guard byte >= 48, byte <= 57 else { return nil }
            code = code * 10 + Int(byte - 48)
            count += 1
        }
        guard count == 6 else { return nil }
        return code * 10_000 + (region.nameFrom ?? 0)
    }
}
