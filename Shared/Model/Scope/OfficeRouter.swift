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
        var operatorCodes: [String] = []
        var personCodes: [String] = []
        switch op {
        case .unit(let unit):
            if let code = unit.creditCode.flatMap(RegionCodes.fromCreditCode) { operatorCodes.append(code) }
            if let code = RegionCodes.fromResidentID(unit.responsiblePerson.idNumber) { personCodes.append(code) }
        case .individual(let person):
            if let code = RegionCodes.fromResidentID(person.idNumber) { operatorCodes.append(code) }
        }
        var registrantTexts: [(String, String?)] = []
        switch op {
        case .unit(let unit): registrantTexts = [("operator.name", unit.name), ("operator.address", unit.address)]
        case .individual(let person): registrantTexts = [("operator.work_unit", person.workUnit)]
        }
        let registrantPlaces = registrantTexts.flatMap { field, text in
            text.map { memo.matches(in: $0, field: field, territory: territory) } ?? []
        }
        let objectPlaces = memo.matches(in: object.name, field: "object.name", territory: territory)
        let sources: [(String, [String])] = [
            ("place in the operator's name or address", registrantPlaces.filter { !$0.isAmbiguous }.compactMap(officeFor)),
            ("division code of the operator's credit code or ID", operatorCodes.compactMap(officeFor)),
            ("place in the object's name", objectPlaces.filter { !$0.isAmbiguous }.compactMap(officeFor)),
            ("division code of the responsible person's ID", personCodes.compactMap(officeFor)),
            ("ambiguous place names", (registrantPlaces + objectPlaces).filter(\.isAmbiguous).compactMap(officeFor)),
        ]
        var candidates: [String] = []
        for (_, offices) in sources {
            for office in offices where !candidates.contains(office) { candidates.append(office) }
        }
        for (basis, offices) in sources {
            let distinct = Array(Set(offices))
            if distinct.count == 1, let id = distinct.first {
                let office = profile.localOffices.first { $0.id == id }
                return OfficeRouting(localOfficeId: id, nameZh: office?.nameZh, basis: basis, candidates: candidates)
            }
        }
        return OfficeRouting(localOfficeId: nil, nameZh: profile.nameZh,
                             basis: candidates.isEmpty ? "no local evidence: the city office handles it"
                                 : "local evidence points to several offices: the city office decides",
                             candidates: candidates)
    }
}
