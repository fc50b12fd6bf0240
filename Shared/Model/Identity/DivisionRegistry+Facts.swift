/// Region facts for the validators' hot path: no `Division` copies, only flat arrays.
extension DivisionRegistry {
    /// The region fact of a code named as in `year` (same choice as `Division.period(in:)`), and
    /// the last year of use if the code is retired (else `Int.max`); `nil` for an unknown code.
    package func regionFact(_ code: Int, year: Int) -> (region: IdentityCheck.Region, retiredAfter: Int)? {
        regionFactIndex(code, year: year).map { (facts[$0.index], $0.retiredAfter) }
    }

    /// Index into `facts` of a code's name in `year`, and its retirement year (`Int.max` if
    /// current); `nil` for an unknown code. No copies: for the hot path.
    @inline(__always)
    func regionFactIndex(_ code: Int, year: Int) -> (index: Int, retiredAfter: Int)? {
        guard code >= 0, code < slots.count else { return nil }
        let slot = Int(slots[code])
        guard slot != 0 else { return nil }
        let entry = hot[slot - 1]
        let start = Int(entry.start), count = Int(entry.count)
        var chosen = start + Int(entry.latest)
        if count == 1 {
            chosen = start
        } else {
            let year = Int32(clamping: year)
            var found = false
            for index in stride(from: start + count - 1, through: start, by: -1)
            where spans[index].first <= year && year <= spans[index].last {
                chosen = index
                found = true
                break
            }
            if !found, year < spans[start].first { chosen = start }
        }
        return (chosen, entry.retiredAfter == Int32.max ? Int.max : Int(entry.retiredAfter))
    }

    /// The region fact of a code under its current name (or last name if retired).
    @inline(__always)
    package func latestRegionFact(_ code: Int) -> IdentityCheck.Region? {
        guard code >= 0, code < slots.count else { return nil }
        let slot = Int(slots[code])
        guard slot != 0 else { return nil }
        let entry = hot[slot - 1]
        return facts[Int(entry.start + entry.latest)]
    }
}

extension DivisionRegistry {
    /// Every region fact the validators can report (one per name period of every code), for
    /// callers that prepare their encoded forms once.
    package var regionFacts: [IdentityCheck.Region] { facts }
}
