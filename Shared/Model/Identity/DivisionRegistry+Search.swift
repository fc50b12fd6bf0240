/// Look-up of divisions by name and through the province / prefecture / county hierarchy.
extension DivisionRegistry {
    /// Every division that carried exactly this name at some time (e.g. 桥东区 → 130502, 130702, ...).
    package func divisions(named name: String) -> [Division] {
        (namesIndex[name] ?? []).map { divisions[$0] }
    }

    /// Divisions whose names (any period) contain `query`, for look-up UIs: names starting with
    /// the query first, then the others, each group by code; current codes before retired ones.
    ///
    /// - Parameters:
    ///   - query: part of a name, e.g. "襄都" or "邢台"; normalized with `TextNormalization.text`.
    ///   - limit: most results returned.
    package func search(_ query: String, limit: Int = 50) -> [Division] {
        let needle = TextNormalization.text(query)
        guard !needle.isEmpty, limit > 0 else { return [] }
        var prefixed: [Division] = [], containing: [Division] = []
        for division in divisions {
            let names = division.periods.map(\.name)
            if names.contains(where: { $0.hasPrefix(needle) }) {
                prefixed.append(division)
            } else if names.contains(where: { $0.contains(needle) }) {
                containing.append(division)
            }
        }
        let order: (Division, Division) -> Bool = { lhs, rhs in
            lhs.isCurrent != rhs.isCurrent ? lhs.isCurrent : lhs.code < rhs.code
        }
        return Array((prefixed.sorted(by: order) + containing.sorted(by: order)).prefix(limit))
    }

    /// The divisions directly below one: prefectures of a province, counties of a prefecture
    /// (current and retired; filter with `isCurrent`). A county has none.
    package func children(of code: Int) -> [Division] {
        switch Level(code: code) {
        case .province:
            return divisions(in: code..<(code + 10_000)).filter { $0.level == .prefecture }
        case .prefecture:
            return divisions(in: (code + 1)..<(code + 100))
        case .county:
            return []
        }
    }

    /// The division directly above one: a county's prefecture (or its province when there is no
    /// prefecture row), a prefecture's province; `nil` for a province.
    package func parent(of code: Int) -> Division? {
        switch Level(code: code) {
        case .province: nil
        case .prefecture: division(code / 10_000 * 10_000)
        case .county: division(code / 100 * 100) ?? division(code / 10_000 * 10_000)
        }
    }

    /// Province, prefecture and the division itself (those that exist), top down.
    package func path(of code: Int) -> [Division] {
        var path: [Division] = []
        if let province = division(code / 10_000 * 10_000) { path.append(province) }
        if Level(code: code) == .county, let prefecture = division(code / 100 * 100) { path.append(prefecture) }
        if Level(code: code) != .province, let own = division(code) { path.append(own) }
        return path
    }

    /// Divisions whose codes fall in a range, by binary search over the sorted codes.
    private func divisions(in range: Range<Int>) -> [Division] {
        var low = 0, high = divisions.count
        while low < high {
            let mid = (low + high) / 2
            if divisions[mid].code < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var result: [Division] = []
        var index = low
        while index < divisions.count, divisions[index].code < range.upperBound {
            result.append(divisions[index])
            index += 1
        }
        return result
    }
}
