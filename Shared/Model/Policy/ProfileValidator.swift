/// A problem found in a policy profile: field path (snake_case, with indices), rule, message.
package struct ProfileIssue: Hashable, Sendable, CustomStringConvertible {
    /// Snake_case path, e.g. `follower_thresholds[0].minimum_followers`.
    package var path: String
    /// Stable rule code, e.g. `threshold_negative`, `window_order`.
    package var rule: String
    /// Explanation (English).
    package var message: String

    /// Text for logs and messages.
    package var description: String { "\(path): \(rule): \(message)" }
}

/// Checks the meaning of a decoded profile (decoding already checked types and enum values).
package enum ProfileValidator {
    /// Every issue found in `profile`; empty when it is sound.
    package static func issues(in profile: PolicyProfile) -> [ProfileIssue] {
        var issues: [ProfileIssue] = []
        func add(_ path: String, _ rule: String, _ message: String) {
            issues.append(ProfileIssue(path: path, rule: rule, message: message))
        }
        func isCode(_ text: String) -> Bool { text.count == 6 && text.allSatisfy { $0.isASCII && $0.isNumber } }

        if !isCode(profile.officeCode) { add("office_code", "division_code_format", "\"\(profile.officeCode)\" is not 6 digits") }
        for (path, text) in [("name_zh", profile.nameZh), ("short_name", profile.shortName),
                             ("source.seed_file", profile.source.seedFile), ("source.title", profile.source.title)]
        where text.isEmpty {
            add(path, "required", "must not be empty")
        }
        if profile.source.date == nil && profile.source.effectiveDate == nil {
            add("source.date", "required", "the source needs a date or an effective date")
        }
        if profile.territory.regionCodes.isEmpty { add("territory.region_codes", "required", "no region codes") }
        for (i, region) in profile.territory.regionCodes.enumerated() where !isCode(region.code) {
            add("territory.region_codes[\(i)].code", "division_code_format", "\"\(region.code)\" is not 6 digits")
        }
        if !profile.territory.regionCodes.contains(where: { $0.code == profile.officeCode }) {
            add("territory.region_codes", "office_code_missing", "the office's own code \(profile.officeCode) is not listed")
        }
        let officeIDs = profile.localOffices.map(\.id)
        var seenPlaces = Set<String>()
        for (i, place) in profile.territory.places.enumerated() {
            let path = "territory.places[\(i)]"
            if place.name.isEmpty { add("\(path).name", "required", "must not be empty") }
            if !seenPlaces.insert(place.name).inserted { add("\(path).name", "duplicate", "\(place.name) is listed twice") }
            if let code = place.code, !isCode(code) { add("\(path).code", "division_code_format", "\"\(code)\" is not 6 digits") }
            if let office = place.localOffice, !officeIDs.contains(office) {
                add("\(path).local_office", "unknown_local_office", "no local office with id \(office)")
            }
            if place.forms.contains(where: { $0.count < 2 }) {
                add("\(path)", "form_too_short", "a one-character form would match everywhere")
            }
        }
        var kinds = Set<ObjectKind>()
        for (i, rule) in profile.objects.enumerated() {
            if !kinds.insert(rule.kind).inserted { add("objects[\(i)].kind", "duplicate", "\(rule.kind.rawValue) is listed twice") }
            if rule.treatment == .refer && rule.referral == nil {
                add("objects[\(i)].referral", "required", "a referred kind needs its referral")
            }
        }
        if profile.scopeConditions.isEmpty { add("scope_conditions", "required", "no scope conditions") }
        for (i, threshold) in profile.followerThresholds.enumerated() {
            if threshold.minimumFollowers < 0 {
                add("follower_thresholds[\(i)].minimum_followers", "threshold_negative",
                    "\(threshold.minimumFollowers) is negative")
            }
            if threshold.platforms.isEmpty { add("follower_thresholds[\(i)].platforms", "required", "no platforms") }
        }
        if let window = profile.window, window.end < window.start {
            add("window.end", "window_order", "window end \(window.end) is before its start \(window.start)")
        }
        var deadlineKeys = Set<String>()
        for (i, rule) in profile.deadlines.enumerated() {
            if rule.period.count < 1 { add("deadlines[\(i)].period.count", "period_count", "must be at least 1") }
            let key = "\(rule.event.rawValue)/\(rule.appliesTo.rawValue)/\(rule.newsLicenceOnly ?? false)"
            if !deadlineKeys.insert(key).inserted {
                add("deadlines[\(i)]", "duplicate", "a second \(rule.event.rawValue) rule for \(rule.appliesTo.rawValue)")
            }
        }
        for (i, rule) in profile.materials.enumerated() where rule.anyOf.isEmpty {
            add("materials[\(i)].any_of", "required", "no material kinds")
        }
        if profile.sanctions.isEmpty { add("sanctions", "required", "no sanction ladder") }
        if case .failure(let error) = profile.filingNumber.pieces() {
            add("filing_number.template", "template", error.message)
        }
        let allForms = Set(profile.territory.places.flatMap(\.forms))
        var seenOffices = Set<String>()
        for (i, office) in profile.localOffices.enumerated() {
            let path = "local_offices[\(i)]"
            if !seenOffices.insert(office.id).inserted { add("\(path).id", "duplicate", "\(office.id) is listed twice") }
            for (j, code) in office.regionCodes.enumerated() where !isCode(code) {
                add("\(path).region_codes[\(j)]", "division_code_format", "\"\(code)\" is not 6 digits")
            }
            for (j, place) in office.places.enumerated() where !allForms.contains(place) {
                add("\(path).places[\(j)]", "unknown_place", "\(place) is not a place of the territory")
            }
        }
        return issues
    }

    /// Issues across several profiles (duplicate office codes), with `file` naming each.
    package static func issues(across profiles: [(file: String, profile: PolicyProfile)]) -> [(file: String, issue: ProfileIssue)] {
        var firstFile: [String: String] = [:]
        var result: [(String, ProfileIssue)] = []
        for (file, profile) in profiles {
            if let other = firstFile[profile.officeCode] {
                result.append((file, ProfileIssue(path: "office_code", rule: "duplicate_office_code",
                                                  message: "office code \(profile.officeCode) is also used by \(other)")))
            } else {
                firstFile[profile.officeCode] = file
            }
        }
        return result
    }
}
