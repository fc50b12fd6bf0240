import BeianModel
import BeianStore
import IntakeService

/// Filings of Shangluo (611000, with local offices) that differ in every listed column: status,
/// local office, platform, operator kind, government, timeliness, verification, review, date of
/// submission (not in row order, as transfers make it) and names (some in traditional script),
/// written straight through the repository. For list and search tests.
enum VariedFilings {
    static let office = "611000"
    static let today = "2021-05-20"
    static let places = ["商洛", "商州", "洛南", "丹凤", "商南", "山阳", "镇安", "柞水", "長安", "秦嶺"]
    static let topics = ["美食", "旅游", "生活", "快讯", "發布", "教育", "健康", "文化", "ABC", "农业"]
    static let persons = ["王秀英", "李建華", "张伟", "劉洋", "陈静", "杨明"]

    /// The row and record of each filing written.
    struct Written {
        var sequence: Int64
        var record: IntakeFiling
    }

    /// Writes `count` filings in one transaction. The background jobs are stopped first: their first
    /// pass, late on a loaded machine, would otherwise recompute timeliness or verify pending
    /// filings after they are written, and the records returned would no longer be the stored ones.
    static func write(_ count: Int, to intake: IntakeHarness) async throws -> [Written] {
        await intake.runtime.deadlines.stop()
        await intake.runtime.verifier.stop()
        let service = intake.runtime.service
        let platforms = Platform.allCases.filter { $0 != .other }
        let start = try CivilDate(iso: "2021-05-01")
        var prepared: [PreparedFiling] = []
        for index in 0..<count {
            let place = places[index % places.count]
            var submission = Submissions.individualAccount(
                name: place + topics[index / 3 % topics.count] + (index % 5 == 0 ? "" : String(index)),
                platform: platforms[index % platforms.count].rawValue, followers: 6000,
                region: ["611002", "611021", "611022", "611023", "611024"][index % 5], sequence: index + 1,
                registered: start.adding(days: index % 40).iso)
            if index % 4 == 0 {
                submission = Submissions.unitAccount(
                    name: submission.object?.name ?? "", platform: platforms[index % platforms.count].rawValue,
                    region: "611002", unitType: index % 8 == 0 ? "organ" : "enterprise",
                    registered: start.adding(days: index % 40).iso, sequence: index + 1)
            }
            submission.operator?.name = index % 4 == 0 ? place + "市某某局" : persons[index % persons.count]
            let filed = start.adding(days: index % 40 + (index * 7) % 45)
            let assessment = try SubmissionAssessor.assess(submission, profile: service.profile,
                                                           calendar: service.calendar, today: filed)
            let at = Timestamp(millisecondsSinceEpoch: 1_619_827_200_000 + Int64(index) * 60_000)
            var filing = try NewFiling.make(
                id: FilingIdentifier.generate(officeCode: office), officeCode: office,
                localOfficeCode: index % 7 == 0 ? nil : assessment.localOffice, content: assessment.content,
                by: "operator", at: at)
            switch index % 6 {
            case 0, 1: filing = try filing.applying(.accept(filingNumber: "陕商洛网信备2021\(100_000 + index)号"),
                                                    by: "clerk", at: at)
            case 2: filing = try filing.applying(.returnForCorrection(reason: "请补正"), by: "clerk", at: at)
            case 3: filing = try filing.applying(.reject(reason: "不属于备案范围"), by: "clerk", at: at)
            default: break
            }
            let verification: VerificationState = index % 9 == 0 ? .pending : index % 23 == 0 ? .invalid : .verified
            let record = IntakeFiling(
                filing: filing, scope: assessment.scope, deadline: assessment.deadline,
                verification: Verification(state: verification, checkedAt: at),
                reviewNeeded: index % 11 == 0, submittedAt: at, submittedOn: filed, updatedAt: at)
            prepared.append(try service.repository.prepare(record))
        }
        let batch = prepared
        let repository = service.repository
        return try await intake.runtime.store.write { db in
            try batch.map { item in
                let stored = try repository.insert(item, accessHash: [UInt8](repeating: 9, count: 32), in: db)
                return Written(sequence: stored.sequence, record: stored.record)
            }
        }
    }

    /// Whether `record` matches `query` (the meaning the SQL must have).
    static func matches(_ record: IntakeFiling, _ query: FilingQuery, scope: StaffScope) -> Bool {
        let filing = record.filing
        var platform: Platform?
        if case .account(let account) = filing.object { platform = account.platform }
        let timeliness = record.deadline?.timeliness
        guard scope.covers(localOffice: filing.localOfficeCode) else { return false }
        if let status = query.status, filing.status != status { return false }
        if let kind = query.objectKind, filing.object.kind != kind { return false }
        if let wanted = query.platform, platform != wanted { return false }
        if let local = query.localOffice, filing.localOfficeCode != (local.isEmpty ? nil : local) { return false }
        if let kind = query.operatorKind, filing.operator.kind != kind { return false }
        if let government = query.government, filing.operator.isGovernment != government { return false }
        if let wanted = query.timeliness, timeliness != wanted { return false }
        if let late = query.late, late ? timeliness != .late : !(timeliness == .early || timeliness == .onTime) {
            return false
        }
        if let state = query.verification, record.verification.state != state { return false }
        if let review = query.reviewNeeded, record.reviewNeeded != review { return false }
        if let from = query.submittedFrom, record.submittedOn < from { return false }
        if let to = query.submittedTo, record.submittedOn > to { return false }
        if let text = query.text {
            let wanted = SearchText.gramForm(text)
            return [filing.object.name, filing.operator.name].contains { SearchText.gramForm($0).contains(wanted) }
        }
        return true
    }
}
