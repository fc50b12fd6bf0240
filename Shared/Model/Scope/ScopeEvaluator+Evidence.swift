extension ScopeEvaluator {
    /// Evidence for every condition the profile lists.
    package static func collectEvidence(profile: PolicyProfile, operator op: Operator, object: FilingObject,
                                        facts: DeclaredScopeFacts, memo: PlaceMatchMemo = PlaceMatchMemo()) -> [ScopeEvidence] {
        let conditions = profile.scopeConditions
        func listed(_ kind: ScopeConditionKind) -> Bool { conditions.contains { $0.kind == kind } }
        let territory = profile.territory
        var evidence: [ScopeEvidence] = []
        if listed(.registrantInTerritory) {
            evidence += registrantEvidence(territory: territory, operator: op, facts: facts, memo: memo)
        }
        if listed(.nameContainsPlace) {
            for match in memo.matches(in: object.name, field: "object.name", territory: territory) {
                evidence.append(placeEvidence(.nameContainsPlace, match))
            }
        }
        let declared: [(ScopeConditionKind, Bool?, String, String)] = [
            (.contentMostlyLocal, facts.contentMostlyAboutTerritory, "scope_facts.content_mostly_about_territory",
             "content mostly concerns the territory (declared)"),
            (.publishesLocalNews, facts.publishesLocalNews, "scope_facts.publishes_local_news",
             "publishes news or hot information in the territory (declared)"),
            (.previouslyFiledChanged, facts.previouslyFiledAndChanged, "scope_facts.previously_filed_and_changed",
             "filed before and the filed information changed (declared)"),
        ]
        for (kind, value, field, note) in declared where listed(kind) && value == true {
            evidence.append(ScopeEvidence(condition: kind, basis: .declaredFact, field: field, placeMatch: nil,
                                          regionCode: nil, territoryCode: nil, ambiguous: false, note: note))
        }
        if listed(.localBranchOfOutsideSite), case .website(let site) = object, site.isLocalBranchOfOutsideSite {
            evidence.append(ScopeEvidence(condition: .localBranchOfOutsideSite, basis: .objectProperty,
                                          field: "object.is_local_branch_of_outside_site", placeMatch: nil,
                                          regionCode: nil, territoryCode: nil, ambiguous: false,
                                          note: "a channel or branch of an outside site in the territory"))
        }
        return evidence
    }

    private static func registrantEvidence(territory: Territory, operator op: Operator,
                                           facts: DeclaredScopeFacts, memo: PlaceMatchMemo) -> [ScopeEvidence] {
        var evidence: [ScopeEvidence] = []
        // Codes: a unit's credit code and an individual's own ID decide; a unit's responsible
        // person's ID only says where that person was first registered, so it needs review.
        var codes: [(field: String, code: String?, decisive: Bool, what: String)] = []
        var texts: [(field: String, text: String?)] = []
        switch op {
        case .unit(let unit):
            codes.append(("operator.credit_code", unit.creditCode.flatMap(RegionCodes.fromCreditCode), true,
                          "credit code registered"))
            codes.append(("operator.responsible_person.id_number",
                          RegionCodes.fromResidentID(unit.responsiblePerson.idNumber), false,
                          "responsible person's ID issued"))
            texts = [("operator.name", unit.name), ("operator.address", unit.address)]
        case .individual(let person):
            codes.append(("operator.id_number", RegionCodes.fromResidentID(person.idNumber), true, "ID issued"))
            texts = [("operator.work_unit", person.workUnit)]
        }
        for entry in codes {
            guard let code = entry.code, let region = territory.region(containing: code) else { continue }
            evidence.append(ScopeEvidence(
                condition: .registrantInTerritory, basis: .regionCode, field: entry.field, placeMatch: nil,
                regionCode: code, territoryCode: region.prefix, ambiguous: !entry.decisive,
                note: "\(entry.what) in \(code), inside \(region.name) (\(region.code), prefix \(region.prefix))"))
        }
        for entry in texts {
            guard let text = entry.text else { continue }
            for match in memo.matches(in: text, field: entry.field, territory: territory) {
                evidence.append(placeEvidence(.registrantInTerritory, match))
            }
        }
        if facts.residesInTerritory == true {
            evidence.append(ScopeEvidence(condition: .registrantInTerritory, basis: .declaredFact,
                                          field: "scope_facts.resides_in_territory", placeMatch: nil, regionCode: nil,
                                          territoryCode: nil, ambiguous: false,
                                          note: "registrant, manager or user lives in the territory (declared)"))
        }
        return evidence
    }

    private static func placeEvidence(_ condition: ScopeConditionKind, _ match: PlaceMatch) -> ScopeEvidence {
        var note = "\(match.field) contains \(match.matchedText) (\(match.place)) at character \(match.offset)"
        if match.isAmbiguous { note += "; ambiguous: " + match.ambiguity.joined(separator: "; ") }
        return ScopeEvidence(condition: condition, basis: .placeName, field: match.field, placeMatch: match,
                             regionCode: nil, territoryCode: nil, ambiguous: match.isAmbiguous, note: note)
    }
}
