import BeianJSON
import BeianModel

/// The JSON form of every region fact of the division table, built once at start: results share
/// these values (and their serialized bytes) instead of building the same region object again for
/// every number.
///
/// Looked up by an integer key (code and first year of the name), not by hashing the region's
/// strings: hashing Chinese names costs more than building the object would.
final class RegionJSONCache: Sendable {
    /// One prepared region (a class: a look-up copies one reference, not the members).
    private final class Entry: Sendable {
        let region: IdentityCheck.Region
        let json: JSONValue
        let bytes: [UInt8]

        init(region: IdentityCheck.Region, json: JSONValue, bytes: [UInt8]) {
            self.region = region
            self.json = json
            self.bytes = bytes
        }
    }

    private let encoded: [Int: Entry]

    /// Encodes every region fact of `divisions`.
    init(divisions: DivisionRegistry) {
        var encoded: [Int: Entry] = [:]
        encoded.reserveCapacity(divisions.regionFacts.count)
        for region in divisions.regionFacts {
            guard let key = Self.key(region), encoded[key] == nil else { continue }
            let json = IdentityJSON.region(region)
            encoded[key] = Entry(region: region, json: json, bytes: (try? JSONWriter.serialize(json)) ?? [])
        }
        self.encoded = encoded
    }

    /// The JSON of a region (prepared, or built now for a region outside the table).
    func json(_ region: IdentityCheck.Region) -> JSONValue {
        if let key = Self.key(region), let entry = encoded[key], entry.region == region { return entry.json }
        return IdentityJSON.region(region)
    }

    /// The serialized JSON of a region from the table; nil for a region outside it.
    func bytes(_ region: IdentityCheck.Region) -> [UInt8]? {
        if let key = Self.key(region), let entry = encoded[key], entry.region == region { return entry.bytes }
        return nil
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
