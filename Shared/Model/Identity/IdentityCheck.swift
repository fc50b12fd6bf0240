/// The result of checking an identity number (证件号码校验结果): verdict, kind, normalized form,
/// reasons and warnings, and the facts read from the number.
///
/// Codable with camelCase properties; the product's coders turn keys into snake_case, e.g.
/// `{"valid": true, "kind": "resident_id", "normalized": "11010519491231002X", "person":
/// {"birth_date": "1949-12-31", "gender": "female", "region": {...}}, ...}`.
///
/// A value type whose members live in one copy-on-write box: a result is built once and then
/// passed around (returned, put in arrays, encoded) many times, and copying a box is one
/// reference count where copying the members was some twenty.
package struct IdentityCheck: Sendable, Hashable, Codable {
    private var storage: Storage

    /// Whether the number is valid for its kind (no reasons). Warnings do not make it invalid.
    package var valid: Bool { storage.reasons.isEmpty }
    /// The kind it was checked as or detected as.
    package var kind: IdentityKind {
        get { storage.kind }
        set { unique().kind = newValue }
    }
    /// The input after normalization (full-width folded, spaces and hyphens removed, uppercase).
    package var normalized: String {
        get { storage.normalized }
        set { unique().normalized = newValue }
    }
    /// The 18-character form of a legacy 15-digit number (升位后的号码), when it could be built.
    package var upgraded: String? {
        get { storage.upgraded }
        set { unique().upgraded = newValue }
    }
    /// Why it is invalid; empty when valid.
    package var reasons: [IdentityIssue] {
        get { storage.reasons }
        set { unique().reasons = newValue }
    }
    /// What is odd but acceptable.
    package var warnings: [IdentityIssue] {
        get { storage.warnings }
        set { unique().warnings = newValue }
    }
    /// Facts about a person's number (birth date, gender, region), as far as they could be read.
    package var person: Person? {
        get { storage.person }
        set { unique().person = newValue }
    }
    /// Facts about an organization's code (authority, type, region, embedded organization code).
    package var organization: Organization? {
        get { storage.organization }
        set { unique().organization = newValue }
    }

    /// A result with no facts yet.
    package init(kind: IdentityKind, normalized: String, reasons: [IdentityIssue] = [],
                 warnings: [IdentityIssue] = [], upgraded: String? = nil,
                 person: Person? = nil, organization: Organization? = nil) {
        storage = Storage(kind: kind, normalized: normalized, upgraded: upgraded, reasons: reasons, warnings: warnings,
                          person: person, organization: organization)
    }

    /// The box, copied first if shared (copy on write).
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The members. Mutated only through `unique()`, so never while shared: `@unchecked Sendable`.
    ///
    /// The facts are kept as plain values with a flag rather than as optionals: destroying an
    /// optional of a large struct goes through generic value witnesses, a plain struct does not
    /// (this is on the hot path: one box per checked number).
    private final class Storage: @unchecked Sendable {
        var kind: IdentityKind
        var normalized: String
        var upgraded: String?
        var reasons: [IdentityIssue]
        var warnings: [IdentityIssue]
        private var personValue: Person
        private var hasPerson: Bool
        private var organizationValue: Organization
        private var hasOrganization: Bool

        var person: Person? {
            get { hasPerson ? personValue : nil }
            set {
                hasPerson = newValue != nil
                personValue = newValue ?? Person()
            }
        }

        var organization: Organization? {
            get { hasOrganization ? organizationValue : nil }
            set {
                hasOrganization = newValue != nil
                organizationValue = newValue ?? Organization()
            }
        }

        init(kind: IdentityKind, normalized: String, upgraded: String?, reasons: [IdentityIssue],
             warnings: [IdentityIssue], person: Person?, organization: Organization?) {
            self.kind = kind
            self.normalized = normalized
            self.upgraded = upgraded
            self.reasons = reasons
            self.warnings = warnings
            hasPerson = person != nil
            personValue = person ?? Person()
            hasOrganization = organization != nil
            organizationValue = organization ?? Organization()
        }

        /// A box holding a person's facts (the hot path: no optional to wrap and unwrap).
        init(kind: IdentityKind, normalized: String, warnings: [IdentityIssue], person: Person) {
            self.kind = kind
            self.normalized = normalized
            self.upgraded = nil
            self.reasons = []
            self.warnings = warnings
            hasPerson = true
            personValue = person
            hasOrganization = false
            organizationValue = Organization()
        }

        /// Sets a person's reasons, warnings and facts at once.
        func set(reasons: [IdentityIssue], warnings: [IdentityIssue], person: Person) {
            self.reasons = reasons
            self.warnings = warnings
            hasPerson = true
            personValue = person
        }

        /// Sets an organization's reasons, warnings and facts at once.
        func set(reasons: [IdentityIssue], warnings: [IdentityIssue], organization: Organization) {
            self.reasons = reasons
            self.warnings = warnings
            hasOrganization = true
            organizationValue = organization
        }

        func copy() -> Storage {
            Storage(kind: kind, normalized: normalized, upgraded: upgraded, reasons: reasons, warnings: warnings,
                    person: person, organization: organization)
        }
    }

    /// Sets reasons, warnings and a person's facts in one step (one uniqueness check, no optional).
    mutating func set(reasons: [IdentityIssue], warnings: [IdentityIssue], person: Person) {
        unique().set(reasons: reasons, warnings: warnings, person: person)
    }

    /// Sets reasons, warnings and an organization's facts in one step.
    mutating func set(reasons: [IdentityIssue], warnings: [IdentityIssue], organization: Organization) {
        unique().set(reasons: reasons, warnings: warnings, organization: organization)
    }

    /// A valid person's result: no reasons, the facts given (the validators' hot path).
    init(kind: IdentityKind, normalized: String, warnings: [IdentityIssue], validPerson person: Person) {
        storage = Storage(kind: kind, normalized: normalized, warnings: warnings, person: person)
    }

    /// Equal kind, normalized form, upgraded form, reasons, warnings and facts.
    package static func == (lhs: IdentityCheck, rhs: IdentityCheck) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let (a, b) = (lhs.storage, rhs.storage)
        return a.kind == b.kind && a.normalized == b.normalized && a.upgraded == b.upgraded && a.reasons == b.reasons
            && a.warnings == b.warnings && a.person == b.person && a.organization == b.organization
    }

    /// Hashes what `==` compares.
    package func hash(into hasher: inout Hasher) {
        let members = storage
        hasher.combine(members.kind)
        hasher.combine(members.normalized)
        hasher.combine(members.upgraded)
        hasher.combine(members.reasons)
        hasher.combine(members.warnings)
        hasher.combine(members.person)
        hasher.combine(members.organization)
    }

    private enum CodingKeys: String, CodingKey {
        case valid, kind, normalized, upgraded, reasons, warnings, person, organization
    }

    /// Decodes a result (`valid` is derived from the reasons, not read).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _ = try container.decodeIfPresent(Bool.self, forKey: .valid)  // derived; read so message shapes list it
        self.init(
            kind: try container.decode(IdentityKind.self, forKey: .kind),
            normalized: try container.decode(String.self, forKey: .normalized),
            reasons: try container.decodeIfPresent([IdentityIssue].self, forKey: .reasons) ?? [],
            warnings: try container.decodeIfPresent([IdentityIssue].self, forKey: .warnings) ?? [],
            upgraded: try container.decodeIfPresent(String.self, forKey: .upgraded),
            person: try container.decodeIfPresent(Person.self, forKey: .person),
            organization: try container.decodeIfPresent(Organization.self, forKey: .organization))
    }

    /// Encodes a result, `valid` included.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(valid, forKey: .valid)
        try container.encode(kind, forKey: .kind)
        try container.encode(normalized, forKey: .normalized)
        try container.encodeIfPresent(upgraded, forKey: .upgraded)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(warnings, forKey: .warnings)
        try container.encodeIfPresent(person, forKey: .person)
        try container.encodeIfPresent(organization, forKey: .organization)
    }
}
