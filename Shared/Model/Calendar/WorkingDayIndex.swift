/// Every day of a calendar's covered years, precomputed: whether it is a working day, how many
/// working days there are up to it, and where each working day lies. Counting N working days
/// is then one array lookup instead of a walk with a holiday lookup per day.
struct WorkingDayIndex: Sendable {
    /// `daysSinceEpoch` of January 1 of the first covered year.
    let firstDay: Int
    /// Working days from the first covered day through day `i` inclusive.
    private let cumulative: [Int32]
    /// Offset from `firstDay` of the k-th working day (k from 0).
    private let workingDayOffsets: [Int32]

    init(coveredYears: ClosedRange<Int>, entries: [CivilDate: RestDayEntry]) {
        let first = CivilDate(unchecked: coveredYears.lowerBound, 1, 1).daysSinceEpoch
        let end = CivilDate(unchecked: coveredYears.upperBound + 1, 1, 1).daysSinceEpoch
        var cumulative: [Int32] = []
        var offsets: [Int32] = []
        cumulative.reserveCapacity(end - first)
        offsets.reserveCapacity((end - first) * 5 / 7 + 16)
        var total: Int32 = 0
        for offset in 0..<(end - first) {
            let date = CivilDate(daysSinceEpoch: first + offset)
            let working = switch entries[date]?.kind {
            case .holiday: false
            case .makeupWorkday: true
            case nil: !date.isWeekend
            }
            if working {
                total += 1
                offsets.append(Int32(offset))
            }
            cumulative.append(total)
        }
        firstDay = first
        self.cumulative = cumulative
        workingDayOffsets = offsets
    }

    /// Number of covered days.
    var dayCount: Int { cumulative.count }

    /// Offset of `date` from the first covered day (negative before, `>= dayCount` after).
    func offset(of date: CivilDate) -> Int { date.daysSinceEpoch - firstDay }

    /// The covered day at `offset`.
    func date(at offset: Int) -> CivilDate { CivilDate(daysSinceEpoch: firstDay + offset) }

    /// Whether the covered day at `offset` is a working day.
    func isWorkingDay(at offset: Int) -> Bool {
        cumulative[offset] != (offset == 0 ? 0 : cumulative[offset - 1])
    }

    /// Working days from the first covered day through `offset` (0 for offsets before it).
    func workingDays(through offset: Int) -> Int {
        offset < 0 ? 0 : Int(cumulative[offset])
    }

    /// Offset of the working day with 1-based ordinal `ordinal`, nil past the covered years.
    func offset(ofWorkingDay ordinal: Int) -> Int? {
        ordinal >= 1 && ordinal <= workingDayOffsets.count ? Int(workingDayOffsets[ordinal - 1]) : nil
    }
}
