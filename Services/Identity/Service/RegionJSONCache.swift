import BeianJSON
import BeianModel

/// The JSON form of every region fact of the division table, built once at start: results share
/// these values instead of building the same region object again for every number.
final class RegionJSONCache: Sendable {
    private let encoded: [IdentityCheck.Region: JSONValue]

    /// Encodes every region fact of `divisions`.
    init(divisions: DivisionRegistry) {
        var encoded: [IdentityCheck.Region: JSONValue] = [:]
        encoded.reserveCapacity(divisions.regionFacts.count)
        for region in divisions.regionFacts { encoded[region] = IdentityJSON.region(region) }
        self.encoded = encoded
    }

    /// The JSON of a region (prepared, or built now for a region outside the table).
    func json(_ region: IdentityCheck.Region) -> JSONValue {
        encoded[region] ?? IdentityJSON.region(region)
    }
}
