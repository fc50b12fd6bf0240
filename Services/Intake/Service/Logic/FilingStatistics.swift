import BeianModel

/// A count with its key and Chinese label (one line of a distribution).
package struct LabeledCount: Codable, Sendable, Hashable {
    /// Stable key (the wire value, or the local office id; `""` for the office itself).
    package var key: String
    /// Chinese label.
    package var label: String
    /// How many.
    package var count: Int

    /// Creates a line.
    package init(key: String, label: String, count: Int) {
        self.key = key
        self.label = label
        self.count = count
    }
}

/// A filing the survey report names: late, overdue, missing materials, unverified or not resubmitted.
package struct ProblemFiling: Codable, Sendable, Hashable {
    /// Filing id.
    package var filingId: String
    /// Account (object) name.
    package var accountName: String
    /// Operator (an individual's name masked).
    package var operatorName: String
    /// Local office's name.
    package var localOffice: String
    /// What is wrong, in Chinese.
    package var problems: [String]
}

/// The survey statistics of an office's filings (调查统计): how many sites and accounts, their
/// distribution, functions and operating status, and the late and missing filings. Filings
/// transferred to another office are not counted (only `transferred_out` tells how many).
package struct FilingStatistics: Codable, Sendable, Hashable {
    /// Filings counted.
    package var total: Int
    /// By object kind (websites, apps, mini programs, accounts).
    package var byObjectKind: [LabeledCount]
    /// By local office (`""`: handled by the office itself).
    package var byLocalOffice: [LabeledCount]
    /// Accounts by platform (`other:<name>` for other platforms).
    package var byPlatform: [LabeledCount]
    /// By operator: unit types, and `individual`.
    package var byOperator: [LabeledCount]
    /// Government media or not.
    package var byGovernment: [LabeledCount]
    /// Accounts by business scope (functions; an account may have several).
    package var byBusinessScope: [LabeledCount]
    /// Websites by type.
    package var bySiteType: [LabeledCount]
    /// Operating status: by filing status.
    package var byStatus: [LabeledCount]
    /// By timeliness of the latest deadline.
    package var byTimeliness: [LabeledCount]
    /// Closed (注销) objects.
    package var closed: Int
    /// Filed after the due date.
    package var late: Int
    /// Returned for correction and past the due date without a corrected filing.
    package var overdue: Int
    /// Accepted (or changed) filings still missing required materials.
    package var acceptedMissingMaterials: Int
    /// Identity verification pending.
    package var pendingVerification: Int
    /// Returned for correction and not resubmitted.
    package var returnedNotResubmitted: Int
    /// Transferred to another office (not counted above).
    package var transferredOut: Int
    /// The filings with problems, at most `problemLimit`.
    package var problems: [ProblemFiling]
    /// Whether more filings had problems than listed.
    package var problemsTruncated: Bool

    /// Most problem filings listed.
    package static let problemLimit = 500

    /// Adds filings one at a time (the caller pages through the database).
    package struct Accumulator: Sendable {
        private let profile: PolicyProfile
        private let today: CivilDate
        private var counts: [String: [String: Int]] = [:]
        private var totals: [String: Int] = [:]
        private var problems: [ProblemFiling] = []
        private var problemsTruncated = false

        /// An empty accumulator for `profile` on `today`.
        package init(profile: PolicyProfile, today: CivilDate) {
            self.profile = profile
            self.today = today
        }

        /// Counts one filing.
        package mutating func add(_ input: FilingExport.Input) {
            let record = input.record
            let filing = record.filing
            if input.transferredTo != nil {
                totals["transferred_out", default: 0] += 1
                return
            }
            totals["total", default: 0] += 1
            count("object_kind", filing.object.kind.rawValue)
            count("local_office", filing.localOfficeCode ?? "")
            switch filing.operator {
            case .unit(let unit): count("operator", unit.unitType.rawValue)
            case .individual: count("operator", OperatorKind.individual.rawValue)
            }
            count("government", filing.operator.isGovernment ? "government" : "non_government")
            count("status", filing.status.rawValue)
            if let timeliness = record.deadline?.timeliness { count("timeliness", timeliness.rawValue) }
            switch filing.object {
            case .account(let account):
                count("platform", account.platform == .other
                    ? "other:" + (account.otherPlatformName ?? "") : account.platform.rawValue)
                for scope in Set(account.businessScope) { count("business_scope", scope.rawValue) }
            case .website(let site): count("site_type", site.siteType.rawValue)
            case .app, .miniProgram: break
            }
            var found: [String] = []
            if filing.status == .cancelled, filing.closure != nil { totals["closed", default: 0] += 1 }
            if let deadline = record.deadline, deadline.timeliness == .late {
                totals["late", default: 0] += 1
                found.append("逾期备案" + (deadline.daysLate.map { "\($0)天" } ?? ""))
            }
            if OpenDeadlines.openStatuses.contains(filing.status) {
                totals["returned", default: 0] += 1
                found.append("退回补正未重新提交")
                if let due = record.deadline?.dueDate, today > due {
                    totals["overdue", default: 0] += 1
                    found.append("已逾期\(due.days(until: today))天")
                }
            }
            if filing.status == .accepted || filing.status == .changed {
                let missing = FilingMaterials.check(profile: profile, filing: filing, uploaded: input.uploaded).missing
                if !missing.isEmpty {
                    totals["missing", default: 0] += 1
                    found.append("缺少材料：" + missing.map(\.wording).joined(separator: "；"))
                }
            }
            if record.verification.state == .pending, !filing.status.isTerminal {
                totals["pending_verification", default: 0] += 1
                found.append("身份待核验")
            }
            guard !found.isEmpty else { return }
            guard problems.count < FilingStatistics.problemLimit else {
                problemsTruncated = true
                return
            }
            problems.append(ProblemFiling(
                filingId: filing.id, accountName: filing.object.name,
                operatorName: IntakeLabels.maskedOperatorName(filing.operator),
                localOffice: IntakeLabels.localOffice(filing.localOfficeCode, profile: profile), problems: found))
        }

        /// The statistics so far.
        package func result() -> FilingStatistics {
            func lines(_ dimension: String, _ keys: [(String, String)], keepZeros: Bool = true) -> [LabeledCount] {
                let known = Set(keys.map(\.0))
                var result = keys.map { LabeledCount(key: $0.0, label: $0.1, count: counts[dimension]?[$0.0] ?? 0) }
                if !keepZeros { result.removeAll { $0.count == 0 } }
                let extra = (counts[dimension] ?? [:]).filter { !known.contains($0.key) }
                return result + extra.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { key, value in
                    LabeledCount(key: key, label: key, count: value)
                }
            }
            let platforms = Platform.allCases.filter { $0 != .other }.map { ($0.rawValue, $0.zh) }
            let others = (counts["platform"] ?? [:]).keys.filter { $0.hasPrefix("other:") }.sorted().map { key in
                let name = String(key.dropFirst("other:".count))
                return (key, name.isEmpty ? "其他" : "其他（\(name)）")
            }
            return FilingStatistics(
                total: totals["total"] ?? 0,
                byObjectKind: lines("object_kind", ObjectKind.allCases.map { ($0.rawValue, $0.zh) }),
                byLocalOffice: lines("local_office",
                                     [("", profile.nameZh)] + profile.localOffices.map { ($0.id, $0.nameZh) }),
                byPlatform: lines("platform", platforms + others, keepZeros: false),
                byOperator: lines("operator", UnitType.allCases.map { ($0.rawValue, "单位·" + $0.zh) }
                    + [(OperatorKind.individual.rawValue, "个人")]),
                byGovernment: lines("government", [("government", "政务"), ("non_government", "非政务")]),
                byBusinessScope: lines("business_scope", BusinessScope.allCases.map { ($0.rawValue, $0.zh) }),
                bySiteType: lines("site_type", SiteType.allCases.map { ($0.rawValue, $0.zh) }),
                byStatus: lines("status", FilingStatus.allCases.filter { $0 != .draft }.map { ($0.rawValue, $0.zh) }),
                byTimeliness: lines("timeliness",
                                    Timeliness.allCases.map { ($0.rawValue, IntakeLabels.timeliness($0)) }),
                closed: totals["closed"] ?? 0, late: totals["late"] ?? 0, overdue: totals["overdue"] ?? 0,
                acceptedMissingMaterials: totals["missing"] ?? 0,
                pendingVerification: totals["pending_verification"] ?? 0,
                returnedNotResubmitted: totals["returned"] ?? 0, transferredOut: totals["transferred_out"] ?? 0,
                problems: problems, problemsTruncated: problemsTruncated)
        }

        private mutating func count(_ dimension: String, _ key: String) {
            counts[dimension, default: [:]][key, default: 0] += 1
        }
    }
}
