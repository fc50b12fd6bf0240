/// The territory (属地) of an office: the division codes of people and units registered there,
/// and the place names that mark an account as local.
///
/// Immutable once loaded: the place forms are compiled into a `TerritoryMatcher` (both
/// scripts, indexed by first character) when the territory is created, so matching never
/// repeats that work.
package struct Territory: Hashable, Sendable, Codable {
    /// Division codes that lie in the territory, current and former (ID numbers keep the code
    /// of first registration). A code matches by prefix after removing trailing `00` pairs:
    /// `130500` covers `1305xx`, `440783` only itself.
    package let regionCodes: [RegionCode]
    /// Place names (the city, its counties, towns, streets, villages, zones, landmarks).
    package let places: [PlaceName]
    /// Longer words that contain a place name but mean something else (沙河口, 开平方); a place
    /// found only inside one of these is ambiguous.
    package let longerWords: [String]
    /// The compiled place forms.
    package let matcher: TerritoryMatcher
    /// True once every place carries its local office (see `PolicyProfile.resolvingPlaceOffices`):
    /// a place without one then has none.
    package let placeOfficesResolved: Bool
    /// The local offices' division-code prefixes (set with `placeOfficesResolved`), for routing
    /// by code without rebuilding prefixes per filing.
    package let localOfficePrefixes: [(office: String, prefix: [UInt8])]

    package init(regionCodes: [RegionCode], places: [PlaceName], longerWords: [String], placeOfficesResolved: Bool = false,
                 localOfficePrefixes: [(office: String, prefix: [UInt8])] = []) {
        self.regionCodes = regionCodes
        self.places = places
        self.longerWords = longerWords
        self.placeOfficesResolved = placeOfficesResolved
        self.localOfficePrefixes = localOfficePrefixes
        self.matcher = TerritoryMatcher(places: places, longerWords: longerWords, regionCodes: regionCodes)
    }

    private enum CodingKeys: String, CodingKey {
        case regionCodes, places, longerWords
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(regionCodes: try container.decode([RegionCode].self, forKey: .regionCodes),
                  places: try container.decode([PlaceName].self, forKey: .places),
                  longerWords: try container.decode([String].self, forKey: .longerWords))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(regionCodes, forKey: .regionCodes)
        try container.encode(places, forKey: .places)
        try container.encode(longerWords, forKey: .longerWords)
    }

    package static func == (lhs: Territory, rhs: Territory) -> Bool {
        lhs.regionCodes == rhs.regionCodes && lhs.places == rhs.places && lhs.longerWords == rhs.longerWords
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(regionCodes)
        hasher.combine(places)
        hasher.combine(longerWords)
    }
}

/// A division code in a territory.
package struct RegionCode: Hashable, Sendable, Codable {
    /// 6-digit code.
    package var code: String
    /// Name under that code.
    package var name: String
    /// Years in use or other remark (e.g. `1983-1993`).
    package var note: String?

    /// The prefix that codes in this region share (`130500` → `1305`, `611000` → `6110`).
    package var prefix: String {
        var text = code
        while text.count > 2, text.hasSuffix("00") { text.removeLast(2) }
        return text
    }
}

/// A place name in the territory, with its other forms.
package struct PlaceName: Hashable, Sendable, Codable {
    /// Official full name (e.g. 开平市, 长沙街道, 赤坎镇).
    package var name: String
    /// Short form without the administrative suffix (e.g. 开平, 长沙, 赤坎), when distinctive.
    package var short: String?
    /// Level.
    package var level: PlaceLevel
    /// Division code, when it has one.
    package var code: String?
    /// Aliases and nicknames (别称), e.g. 牛城 for Xingtai, 锡都 for Gejiu.
    package var aliases: [String]
    /// Ancient or former names (古称 / 旧称), e.g. 邢州, 上洛, 桥东区 (before 2020).
    package var ancientNames: [String]
    /// Traditional-character forms (繁体), e.g. 開平.
    package var traditional: [String]
    /// Other places (outside the territory) with the same name, e.g. 长沙 → 湖南省长沙市;
    /// a match on a short form, alias or ancient name of this place needs staff review (the
    /// full official name only when `fullNameShared`).
    package var sharedWith: [String]
    /// The full official name is itself shared (桥东区 exists in 张家口 too).
    package var fullNameShared: Bool
    /// The short form is also an ordinary word (百合 lily, 金鸡 golden rooster); a match on it
    /// alone needs staff review (the full name 百合镇 does not).
    package var commonWord: Bool
    /// Id of the local office whose territory this place is in.
    package var localOffice: String?

    /// Every form to search for: name, short, aliases, ancient names, traditional forms.
    package var forms: [String] {
        var all = [name]
        if let short { all.append(short) }
        all += aliases + ancientNames + traditional
        var seen = Set<String>()
        return all.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Creates a place (empty lists and false flags by default).
    package init(name: String, short: String? = nil, level: PlaceLevel, code: String? = nil, aliases: [String] = [],
                 ancientNames: [String] = [], traditional: [String] = [], sharedWith: [String] = [],
                 fullNameShared: Bool = false, commonWord: Bool = false, localOffice: String? = nil) {
        self.name = name
        self.short = short
        self.level = level
        self.code = code
        self.aliases = aliases
        self.ancientNames = ancientNames
        self.traditional = traditional
        self.sharedWith = sharedWith
        self.fullNameShared = fullNameShared
        self.commonWord = commonWord
        self.localOffice = localOffice
    }

    /// Why a match of `form` on this place cannot decide alone (empty when it can).
    package func ambiguity(ofForm form: String) -> [String] {
        let isFullName = form == name || traditional.contains(form) && form.count == name.count
        var reasons: [String] = []
        if !sharedWith.isEmpty && (!isFullName || fullNameShared) {
            reasons.append("also the name of " + sharedWith.joined(separator: ", "))
        }
        if commonWord && !isFullName { reasons.append("also an ordinary word") }
        return reasons
    }
}

extension PlaceName {
    private enum CodingKeys: String, CodingKey {
        case name, short, level, code, aliases, ancientNames, traditional, sharedWith, fullNameShared, commonWord
        case localOffice
    }

    /// Decodes a place; list fields and flags may be left out.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name),
                  short: try c.decodeIfPresent(String.self, forKey: .short),
                  level: try c.decode(PlaceLevel.self, forKey: .level),
                  code: try c.decodeIfPresent(String.self, forKey: .code),
                  aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [],
                  ancientNames: try c.decodeIfPresent([String].self, forKey: .ancientNames) ?? [],
                  traditional: try c.decodeIfPresent([String].self, forKey: .traditional) ?? [],
                  sharedWith: try c.decodeIfPresent([String].self, forKey: .sharedWith) ?? [],
                  fullNameShared: try c.decodeIfPresent(Bool.self, forKey: .fullNameShared) ?? false,
                  commonWord: try c.decodeIfPresent(Bool.self, forKey: .commonWord) ?? false,
                  localOffice: try c.decodeIfPresent(String.self, forKey: .localOffice))
    }
}

/// Level of a place.
package enum PlaceLevel: String, Hashable, Sendable, Codable, CaseIterable {
    /// 地级市 / 自治州.
    case prefecture
    /// 县级市.
    case countyCity = "county_city"
    /// 县.
    case county
    /// 市辖区.
    case district
    /// 开发区 / 高新区 / 园区.
    case zone
    /// 镇.
    case town
    /// 乡.
    case township
    /// 街道 / 办事处.
    case subdistrict
    /// 村 / 社区.
    case village
    /// A landmark or other marked local feature (碉楼, 立园, 金湖).
    case landmark
}
