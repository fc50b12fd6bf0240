import BeianJSON
import BeianModel

/// Writes identity checks straight into one JSON byte buffer, without building `JSONValue`
/// trees: the `VerifyBatch` answer of 10,000 results is written in one pass.
///
/// The bytes equal `JSONWriter.serialize` of what `IdentityJSON` builds, member for member and
/// byte for byte (the tests hold the two against each other over many generated numbers).
/// Repeated parts come prepared: region objects from `RegionJSONCache`, the kinds' names, and
/// each distinct issue (with both messages) once written.
struct IdentityJSONBytes {
    /// Prepared region objects.
    let regions: RegionJSONCache
    /// Issues serialized by earlier calls.
    let sharedIssues: IssueJSONCache
    /// `compact`: no facts, no messages, no empty lists (see `IdentityResultDetail`).
    let compact: Bool
    /// The bytes written so far.
    let bytes: ByteBuffer
    /// Issues written so far by this writer (bounded: a batch of distinct dates must not grow it without end).
    private var issueCache: [IdentityIssue: [UInt8]] = [:]
    private static let issueCacheLimit = 4_096

    init(regions: RegionJSONCache, issues: IssueJSONCache, detail: IdentityResultDetail = .full, capacity: Int = 256) {
        self.regions = regions
        self.sharedIssues = issues
        self.compact = detail == .compact
        self.bytes = ByteBuffer(capacity: capacity)
    }

    /// Writes the check as a JSON object, with `ref` first when given (a batch result).
    mutating func write(_ check: IdentityCheck, ref: String? = nil) {
        if let ref {
            literal("{\"ref\":")
            string(ref)
            literal(",\"valid\":")
        } else {
            literal("{\"valid\":")
        }
        let valid = check.valid
        if valid { literal("true,\"kind\":") } else { literal("false,\"kind\":") }
        raw(Self.kindNames[Self.kindIndex(check.kind)])
        literal(",\"normalized\":")
        string(check.normalized)
        if let upgraded = check.upgraded {
            literal(",\"upgraded\":")
            string(upgraded)
        }
        if compact {
            if !valid {
                literal(",\"reasons\":")
                issues(check.reasons)
            }
            let warnings = check.warnings
            if !warnings.isEmpty {
                literal(",\"warnings\":")
                issues(warnings)
            }
            byte(UInt8(ascii: "}"))
            return
        }
        literal(",\"reasons\":")
        issues(check.reasons)
        literal(",\"warnings\":")
        issues(check.warnings)
        if let person = check.person {
            literal(",\"person\":")
            write(person)
        }
        if let organization = check.organization {
            literal(",\"organization\":")
            write(organization)
        }
        byte(UInt8(ascii: "}"))
    }

    /// A list of issues; each distinct issue is serialized once.
    private mutating func issues(_ issues: [IdentityIssue]) {
        byte(UInt8(ascii: "["))
        var first = true
        for issue in issues {
            if !first { byte(UInt8(ascii: ",")) }
            first = false
            if let cached = issueCache[issue] {
                raw(cached)
                continue
            }
            let serialized = sharedIssues.bytes(issue, messages: !compact)
            if issueCache.count < Self.issueCacheLimit { issueCache[issue] = serialized }
            raw(serialized)
        }
        byte(UInt8(ascii: "]"))
    }

    private mutating func write(_ person: IdentityCheck.Person) {
        var separator = false
        byte(UInt8(ascii: "{"))
        if let birthDate = person.birthDate {
            literal("\"birth_date\":")
            string(birthDate)
            separator = true
        }
        if let gender = person.gender {
            if separator { byte(UInt8(ascii: ",")) }
            literal(gender == .male ? "\"gender\":\"male\"" : "\"gender\":\"female\"")
            separator = true
        }
        if let region = person.region {
            if separator { byte(UInt8(ascii: ",")) }
            literal("\"region\":")
            writeRegion(region)
            separator = true
        }
        if let nationality = person.nationalityCode {
            if separator { byte(UInt8(ascii: ",")) }
            literal("\"nationality_code\":")
            string(nationality)
        }
        byte(UInt8(ascii: "}"))
    }

    private mutating func write(_ organization: IdentityCheck.Organization) {
        var separator = false
        byte(UInt8(ascii: "{"))
        func key(_ name: StaticString, _ json: inout IdentityJSONBytes) {
            if separator { json.byte(UInt8(ascii: ",")) }
            json.literal(name)
            separator = true
        }
        if let value = organization.authorityCode { key("\"authority_code\":", &self); string(value) }
        if let value = organization.authorityName { key("\"authority_name\":", &self); string(value) }
        if let value = organization.typeCode { key("\"type_code\":", &self); string(value) }
        if let value = organization.typeName { key("\"type_name\":", &self); string(value) }
        if let region = organization.region {
            key("\"region\":", &self)
            writeRegion(region)
        }
        if let value = organization.organizationCode { key("\"organization_code\":", &self); string(value) }
        if let valid = organization.organizationCodeValid {
            key("\"organization_code_valid\":", &self)
            literal(valid ? "true" : "false")
        }
        byte(UInt8(ascii: "}"))
    }

    /// Appends a region object (prepared bytes, or written now for a region outside the table).
    private mutating func writeRegion(_ region: IdentityCheck.Region) {
        if let prepared = regions.bytes(region) {
            raw(prepared)
        } else {
            raw((try? JSONWriter.serialize(IdentityJSON.region(region))) ?? [])
        }
    }

    @inline(__always)
    mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    mutating func raw(_ raw: [UInt8]) { bytes.append(raw) }

    @inline(__always)
    mutating func literal(_ literal: StaticString) {
        bytes.append(literal.utf8Start, length: literal.utf8CodeUnitCount)
    }

    /// Appends a JSON string exactly as `JSONWriter.writeString` writes it: quotes, backslashes
    /// and control characters escaped, everything else (Chinese too) as UTF-8.
    mutating func string(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else {
                    index += 1
                    continue
                }
                if runStart < index { bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22: bytes.append(UInt8(ascii: "\""))
                case 0x5C: bytes.append(UInt8(ascii: "\\"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    let hex = Self.hexDigits
                    bytes.append(UInt8(ascii: "u"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
                index += 1
                runStart = index
            }
            if runStart < count { bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The kinds' wire names as JSON strings, in `IdentityKind.allCases` order.
    private static let kindNames: [[UInt8]] = IdentityKind.allCases.map { Array("\"\($0.rawValue)\"".utf8) }

    @inline(__always)
    private static func kindIndex(_ kind: IdentityKind) -> Int {
        switch kind {
        case .residentID: 0
        case .legacyResidentID: 1
        case .residencePermit: 2
        case .foreignPermanentResidentID: 3
        case .organizationCode: 4
        case .unifiedSocialCreditCode: 5
        case .unrecognized: 6
        }
    }
}
