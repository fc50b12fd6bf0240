/// Territorial routing (属地管理): which local office handles a filing.
///
/// Sources in order of weight: (1) places in the operator's name, address or work unit (where
/// the registrant is), (2) the division code of the credit code or the individual's ID, (3) places
/// in the object's name, (4) the responsible person's ID. The first source that points to exactly
/// one local office decides; ambiguous place matches count only when nothing else points anywhere.
/// With no local office found, the city office itself handles it (`localOfficeId` nil).
package enum OfficeRouter {
    /// The local office for a filing; nil when the profile has no local offices.
    package static func route(profile: PolicyProfile, operator op: Operator, object: FilingObject,
                              memo: PlaceMatchMemo = PlaceMatchMemo()) -> OfficeRouting? {
        guard !profile.localOffices.isEmpty else { return nil }
        let territory = profile.territory
        func officeFor(place match: PlaceMatch) -> String? {
            // Loaded profiles carry each place's office (`PolicyProfile.resolvingPlaceOffices`);
            // the search below serves profiles built otherwise.
            if let office = match.localOffice { return office }
            if territory.placeOfficesResolved { return nil }
            let forms = territory.places.first { $0.name == match.place }?.forms ?? [match.place]
            return profile.localOffices.first { office in office.places.contains { forms.contains($0) } }?.id
        }
        func officeFor(code: String) -> String? {
            let codeBytes = Array(code.utf8)
            var best: (id: String, length: Int)?
            if territory.placeOfficesResolved {
                for (office, prefix) in territory.localOfficePrefixes
                where prefix.count <= codeBytes.count && codeBytes[0..<prefix.count].elementsEqual(prefix) {
                    if best == nil || prefix.count > best!.length { best = (office, prefix.count) }
                }
                return best?.id
            }
            for office in profile.localOffices {
                for regionCode in office.regionCodes {
                    guard let length = RegionCodes.prefixLength(of: regionCode, matching: codeBytes) else { continue }
                    if best == nil || length > best!.length { best = (office.id, length) }
                }
            }
            return best?.id
        }
        let registrantPlaces: [PlaceMatch]
        let operatorCode: String?
        let personCode: String?
        switch op {
        case .unit(let unit):
            registrantPlaces = memo.matches(in: unit.name, field: "operator.name", territory: territory)
                + (unit.address.map { memo.matches(in: $0, field: "operator.address", territory: territory) } ?? [])
            operatorCode = unit.creditCode.flatMap(RegionCodes.fromCreditCode)
            personCode = RegionCodes.fromResidentID(unit.responsiblePerson.idNumber)
        case .individual(let person):
            registrantPlaces = person.workUnit.map { memo.matches(in: $0, field: "operator.work_unit", territory: territory) } ?? []
            operatorCode = RegionCodes.fromResidentID(person.idNumber)
            personCode = nil
        }
        let objectPlaces = memo.matches(in: object.name, field: "object.name", territory: territory)
        // The offices each source points to, source by source in order of weight.
        var pointers: [(source: Source, office: String)] = []
        func add(_ source: Source, _ office: String?) {
            if let office { pointers.append((source, office)) }
        }
        for match in registrantPlaces where !match.isAmbiguous { add(.registrantPlace, officeFor(place: match)) }
        add(.operatorCode, operatorCode.flatMap(officeFor(code:)))
        for match in objectPlaces where !match.isAmbiguous { add(.objectPlace, officeFor(place: match)) }
        add(.personCode, personCode.flatMap(officeFor(code:)))
        for match in registrantPlaces + objectPlaces where match.isAmbiguous { add(.ambiguousPlace, officeFor(place: match)) }
        var candidates: [String] = []
        for pointer in pointers where !candidates.contains(pointer.office) { candidates.append(pointer.office) }
        for source in Source.allCases {
            let offices = pointers.lazy.filter { $0.source == source }.map(\.office)
            if let id = offices.first, offices.allSatisfy({ $0 == id }) {
                let office = profile.localOffices.first { $0.id == id }
                return OfficeRouting(localOfficeId: id, nameZh: office?.nameZh, basis: source.rawValue, candidates: candidates)
            }
        }
        return OfficeRouting(localOfficeId: nil, nameZh: profile.nameZh,
                             basis: candidates.isEmpty ? "no local evidence: the city office handles it"
                                 : "local evidence points to several offices: the city office decides",
                             candidates: candidates)
    }
}

extension OfficeRouter {
    /// Where a routing pointer comes from, in order of weight; the raw value is the `basis` text.
    enum Source: String, CaseIterable {
        case registrantPlace = "place in the operator's name or address"
        case operatorCode = "division code of the operator's credit code or ID"
        case objectPlace = "place in the object's name"
        case personCode = "division code of the responsible person's ID"
        case ambiguousPlace = "ambiguous place names"
    }
}
