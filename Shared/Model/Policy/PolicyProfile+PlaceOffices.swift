extension PolicyProfile {
    /// The profile with every place that a local office lists (by any of its forms) marked with
    /// that office, so routing reads the office straight off a place match. Places that already
    /// name an office keep it. Done once when a profile is loaded.
    package func resolvingPlaceOffices() -> PolicyProfile {
        let places = territory.places.map { place -> PlaceName in
            guard place.localOffice == nil else { return place }
            let forms = Set(place.forms)
            guard let office = localOffices.first(where: { office in office.places.contains { forms.contains($0) } }) else {
                return place
            }
            var resolved = place
            resolved.localOffice = office.id
            return resolved
        }
        let prefixes = localOffices.flatMap { office in
            office.regionCodes.map { (office: office.id, prefix: Array(RegionCode(code: $0, name: "", note: nil).prefix.utf8)) }
        }
        var copy = self
        copy.territory = Territory(regionCodes: territory.regionCodes, places: places, longerWords: territory.longerWords,
                                   placeOfficesResolved: true, localOfficePrefixes: prefixes)
        return copy
    }
}
