import BeianJSON
import BeianModel

/// Writes identity checks as JSON values directly, member by member, instead of through the
/// `Codable` encoder: a 10,000-item batch answer is built several times faster this way.
///
/// The output equals `JSONCoding.encodeValue(check)` member for member and in the same order
/// (the tests hold the two against each other), so callers decode it as an `IdentityCheck`.
/// Region objects come prepared from a `RegionJSONCache`; issues repeat within a batch (the same
/// wrong check character, the same unknown shape), so a builder keeps those it has written.
struct IdentityJSON {
    /// Prepared region objects.
    let regions: RegionJSONCache
    /// `compact`: no facts, no messages, no empty lists (see `IdentityResultDetail`).
    let compact: Bool
    /// Issues written so far (bounded: a batch of distinct dates must not grow it without end).
    private var issueCache: [IdentityIssue: JSONValue] = [:]
    private static let issueCacheLimit = 4_096

    init(regions: RegionJSONCache, detail: IdentityResultDetail = .full) {
        self.regions = regions
        self.compact = detail == .compact
    }

    /// The check as a JSON object, with `ref` first when given (a batch result).
    mutating func object(_ check: IdentityCheck, ref: String? = nil) -> JSONValue {
        var object = JSONObject(minimumCapacity: 9)
        if let ref { object.appendUnchecked(key: "ref", value: .string(ref)) }
        object.appendUnchecked(key: "valid", value: .bool(check.valid))
        object.appendUnchecked(key: "kind", value: .string(check.kind.rawValue))
        object.appendUnchecked(key: "normalized", value: .string(check.normalized))
        if let upgraded = check.upgraded { object.appendUnchecked(key: "upgraded", value: .string(upgraded)) }
        if compact {
            if !check.reasons.isEmpty { object.appendUnchecked(key: "reasons", value: issues(check.reasons)) }
            if !check.warnings.isEmpty { object.appendUnchecked(key: "warnings", value: issues(check.warnings)) }
            return .object(object)
        }
        object.appendUnchecked(key: "reasons", value: issues(check.reasons))
        object.appendUnchecked(key: "warnings", value: issues(check.warnings))
        if let person = check.person { object.appendUnchecked(key: "person", value: Self.person(person, regions)) }
        if let organization = check.organization {
            object.appendUnchecked(key: "organization", value: Self.organization(organization, regions))
        }
        return .object(object)
    }

    private static let emptyArray = JSONValue.array([])

    private mutating func issues(_ issues: [IdentityIssue]) -> JSONValue {
        if issues.isEmpty { return Self.emptyArray }
        return .array(issues.map { issue in
            if let cached = issueCache[issue] { return cached }
            let json = Self.issue(issue, messages: !compact)
            if issueCache.count < Self.issueCacheLimit { issueCache[issue] = json }
            return json
        })
    }

    static func issue(_ issue: IdentityIssue, messages: Bool = true) -> JSONValue {
        var object = JSONObject(minimumCapacity: 6)
        object.appendUnchecked(key: "code", value: .string(issue.code.rawValue))
        if messages {
            object.appendUnchecked(key: "message_zh", value: .string(issue.messageChinese))
            object.appendUnchecked(key: "message_en", value: .string(issue.messageEnglish))
        }
        if let position = issue.position { object.appendUnchecked(key: "position", value: .int(Int64(position))) }
        if let expected = issue.expected { object.appendUnchecked(key: "expected", value: .string(expected)) }
        if let found = issue.found { object.appendUnchecked(key: "found", value: .string(found)) }
        return .object(object)
    }

    static func person(_ person: IdentityCheck.Person, _ regions: RegionJSONCache) -> JSONValue {
        var object = JSONObject(minimumCapacity: 4)
        if let birthDate = person.birthDate { object.appendUnchecked(key: "birth_date", value: .string(birthDate)) }
        if let gender = person.gender { object.appendUnchecked(key: "gender", value: .string(gender.rawValue)) }
        if let region = person.region { object.appendUnchecked(key: "region", value: regions.json(region)) }
        if let nationality = person.nationalityCode {
            object.appendUnchecked(key: "nationality_code", value: .string(nationality))
        }
        return .object(object)
    }

    static func organization(_ organization: IdentityCheck.Organization, _ regions: RegionJSONCache) -> JSONValue {
        var object = JSONObject(minimumCapacity: 7)
        func add(_ key: String, _ value: String?) {
            if let value { object.appendUnchecked(key: key, value: .string(value)) }
        }
        add("authority_code", organization.authorityCode)
        add("authority_name", organization.authorityName)
        add("type_code", organization.typeCode)
        add("type_name", organization.typeName)
        if let region = organization.region { object.appendUnchecked(key: "region", value: regions.json(region)) }
        add("organization_code", organization.organizationCode)
        if let valid = organization.organizationCodeValid {
            object.appendUnchecked(key: "organization_code_valid", value: .bool(valid))
        }
        return .object(object)
    }

    /// A region fact as JSON (no cache).
    static func region(_ region: IdentityCheck.Region) -> JSONValue {
        var object = JSONObject(minimumCapacity: 6)
        object.appendUnchecked(key: "code", value: .string(region.code))
        if let name = region.name { object.appendUnchecked(key: "name", value: .string(name)) }
        if let fullName = region.fullName { object.appendUnchecked(key: "full_name", value: .string(fullName)) }
        if let status = region.status { object.appendUnchecked(key: "status", value: .string(status.rawValue)) }
        if let from = region.nameFrom { object.appendUnchecked(key: "name_from", value: .int(Int64(from))) }
        if let until = region.nameUntil { object.appendUnchecked(key: "name_until", value: .int(Int64(until))) }
        return .object(object)
    }
}
