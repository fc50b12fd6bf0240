import BeianJSON
import BeianModel
import BeianReferenceData
import BeianStore
import Foundation
import IntakeService

/// Writes a large intake database directly through intake's repository (benchmark only: filing
/// through the RPC at a few thousand per second would take many minutes for a million).
struct FilingGenerator {
    let repository: FilingRepository
    let profile: PolicyProfile
    private let templates: [SubmissionAssessment]

    static let places = ["商洛", "商州", "洛南", "丹凤", "商南", "山阳", "镇安", "柞水", "秦岭", "金丝峡"]
    static let topics = ["美食", "旅游", "生活", "快讯", "发布", "教育", "健康", "文化", "房产", "招聘", "汽车", "农业",
                         "非遗", "摄影", "体育", "家居", "母婴", "宠物", "电商", "民宿"]
    static let suffixes = ["圈", "号", "在线", "之窗", "资讯", "视界", "频道", "日报", "小站", "百事通"]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"]
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
                             "超", "秀英", "桂英", "建华", "晓东", "志强", "海燕", "春梅"]

    /// Templates assessed against the profile: platforms, operator kinds, registration dates and
    /// days of filing vary, so that statuses, local offices and timeliness vary as in an office.
    init(repository: FilingRepository, profile: PolicyProfile, calendar: WorkingDayCalendar) throws {
        self.repository = repository
        self.profile = profile
        let platforms = Platform.allCases.filter { $0 != .other }
        let start = try CivilDate(iso: "2021-05-01")
        var templates: [SubmissionAssessment] = []
        for index in 0..<400 {
            let place = Self.places[index % Self.places.count]
            var form = IntakeBenchmark.form(index)
            let regions = [611002, 611002, 611021, 611022, 611023, 611024, 611025, 611026, 611002, 611023]
            form.operator?.idNumber = IdentityGenerator.residentID(
                region: regions[index % regions.count], birth: IdentityDate(year: 1980, month: 1, day: 1)!, sequence: index)
            form.object?.name = place + Self.topics[index % Self.topics.count]
            form.object?.platform = platforms[index % platforms.count].rawValue
            let opened = start.adding(days: index % 120)
            form.object?.registrationDate = opened.iso
            if index % 4 == 0 {
                form.operator = OperatorInput(
                    kind: "unit", name: place + "市某某局", unitType: index % 8 == 0 ? "organ" : "enterprise",
                    creditCode: IdentityGenerator.unifiedSocialCreditCode(authority: "1", type: "1", region: 611002,
                                                                          organizationBody: "MB296893"),
                    responsiblePerson: PersonInput(name: "张明", idNumber: form.operator?.idNumber, mobile: "13700137000"))
            }
            let filed = opened.adding(days: index % 50)
            templates.append(try SubmissionAssessor.assess(form, profile: profile, calendar: calendar, today: filed))
        }
        self.templates = templates
    }

    /// Filing `index`: a template with its own names, status and submission time.
    func record(_ index: Int) throws -> (IntakeFiling, [UInt8]) {
        let template = templates[index % templates.count]
        var content = template.content
        let place = Self.places[index % Self.places.count]
        let account = place + Self.topics[index / 7 % Self.topics.count] + Self.suffixes[index / 140 % Self.suffixes.count]
            + (index % 3 == 0 ? "" : String(index % 997))
        let person = Self.surnames[index / 11 % Self.surnames.count] + Self.givenNames[index / 13 % Self.givenNames.count]
        content.rename(account: index == 424_242 ? "秦岭深处的小院" : account, operator: person, accountId: "gen\(index)")
        let at = Timestamp(millisecondsSinceEpoch: 1_619_827_200_000 + Int64(index) * 60_000)
        var filing = try NewFiling.make(id: FilingIdentifier.generate(officeCode: profile.officeCode),
                                        officeCode: profile.officeCode, localOfficeCode: template.localOffice,
                                        content: content, by: "operator", at: at)
        switch index % 20 {
        case 0..<11:
            filing = try filing.applying(.accept(filingNumber: "陕商洛网信备\(2021 + index % 3)\(String(format: "%07d", index))号"),
                                         by: "clerk", at: at)
        case 11: filing = try filing.applying(.returnForCorrection(reason: "名称与营业执照不符"), by: "clerk", at: at)
        case 12: filing = try filing.applying(.reject(reason: "不属于备案范围"), by: "clerk", at: at)
        default: break
        }
        let record = IntakeFiling(
            filing: filing, scope: template.scope, deadline: template.deadline,
            verification: Verification(state: index % 100 == 0 ? .pending : .verified, checkedAt: at),
            reviewNeeded: template.scope.outcome == .needsStaffReview, submittedAt: at, submittedOn: at.chinaCivilDate,
            updatedAt: at)
        let accessHash = repository.cipher.lookupHash(AccessCode.generate(), purpose: AccessCode.purpose)
        return (record, accessHash)
    }

    /// Inserts filings `0..<count` in transactions of `batch`; reports progress on standard error.
    func generate(count: Int, batch: Int = 20_000) async throws {
        var next = 0
        var prepared = try await prepare(0..<min(batch, count))
        while next < count {
            let records = prepared
            next += records.count
            let upcoming = next..<min(next + batch, count)
            async let following = upcoming.isEmpty ? [] : prepare(upcoming)
            let repository = self.repository
            _ = try await repository.store.write { db in
                for (record, hash) in records { _ = try repository.insert(record, accessHash: hash, in: db) }
            }
            prepared = try await following
            FileHandle.standardError.write(Data("\r  generated \(next)/\(count)".utf8))
        }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func prepare(_ range: Range<Int>) async throws -> [(IntakeFiling, [UInt8])] {
        try range.map { try record($0) }
    }
}

extension FilingContent {
    /// The same content under other names (account and operator), and `accountId` (an office files
    /// each account once).
    mutating func rename(account: String, operator person: String, accountId: String) {
        if case .account(var object) = object {
            object.name = account
            object.accountId = accountId
            self.object = .account(object)
        }
        switch self.operator {
        case .individual(var individual):
            individual.name = person
            self.operator = .individual(individual)
        case .unit(var unit):
            unit.responsiblePerson.name = person
            self.operator = .unit(unit)
        }
    }
}
