/// Messages of `LookupRegion` and `VerifyHolder` (see `IdentityAPI`).

/// `LookupRegion` request: a six-digit code (`"130502"`) or a name or part of one (`"襄都"`).
package struct RegionLookupRequest: Sendable, Hashable, Codable {
    /// The code or name.
    package var query: String
    /// Most regions returned for a name (default 20, at most 200).
    package var limit: Int?

    /// A request.
    package init(query: String, limit: Int? = nil) {
        self.query = query
        self.limit = limit
    }
}

/// `LookupRegion` response: the matching divisions, current codes first.
package struct RegionLookupResponse: Sendable, Hashable, Codable {
    /// The matches (never empty: no match is NOT_FOUND).
    package var regions: [RegionRecord]

    /// A response.
    package init(regions: [RegionRecord]) { self.regions = regions }
}

/// A division code with its history (行政区划代码及沿革).
package struct RegionRecord: Sendable, Hashable, Codable {
    /// The six-digit code.
    package var code: String
    /// The current name, or the last name of a retired code.
    package var name: String
    /// That name with its province and prefecture (e.g. 河北省邢台市襄都区).
    package var fullName: String
    /// `province`, `prefecture` or `county`.
    package var level: DivisionRegistry.Level
    /// Whether the code is still in use.
    package var current: Bool
    /// Every name the code carried, oldest first.
    package var history: [RegionName]

    /// The record of a division.
    package init(_ division: DivisionRegistry.Division) {
        let latest = division.latest
        code = division.codeString
        name = latest.name
        fullName = latest.fullName
        level = division.level
        current = division.isCurrent
        history = division.periods.map { RegionName(name: $0.name, firstYear: $0.firstYear, lastYear: $0.lastYear) }
    }
}

/// One name of a division code and the years it was used.
package struct RegionName: Sendable, Hashable, Codable {
    /// The name, e.g. 桥东区.
    package var name: String
    /// First year of use; absent when in use since before the first list.
    package var firstYear: Int?
    /// Last year of use; absent while in use.
    package var lastYear: Int?

    /// A name period.
    package init(name: String, firstYear: Int?, lastYear: Int?) {
        self.name = name
        self.firstYear = firstYear
        self.lastYear = lastYear
    }
}

/// `VerifyHolder` request: does this name belong to this resident identity number?
package struct HolderCheckRequest: Sendable, Hashable, Codable {
    /// The holder's name as written on the card.
    package var name: String
    /// The resident identity number.
    package var idNumber: String

    /// A request.
    package init(name: String, idNumber: String) {
        self.name = name
        self.idNumber = idNumber
    }
}

/// The national service's answer on a name and number (公民身份信息核验结果).
package enum HolderMatch: String, Sendable, Hashable, Codable, CaseIterable {
    /// 一致: the number exists and carries this name.
    case match
    /// 不一致: the number exists with another name.
    case mismatch
    /// 库中无此号: the number is not in the national register.
    case notFound = "not_found"
    /// The number fails the local check, so it was not sent.
    case invalidNumber = "invalid_number"
}

/// `VerifyHolder` response.
package struct HolderCheckResponse: Sendable, Hashable, Codable {
    /// The answer.
    package var result: HolderMatch
    /// The local check of the number (always made before asking the national service).
    package var check: IdentityCheck

    /// A response.
    package init(result: HolderMatch, check: IdentityCheck) {
        self.result = result
        self.check = check
    }
}
