import TestSupport
import BeianModel
import BeianRPC
import IntakeService

/// Typed calls of `beian.intake.v1.Intake` for end-to-end tests.
extension RPCClient {
    func intake<Request: Encodable, Response: Decodable>(
        _ method: String, _ request: Request, as: Response.Type = Response.self, metadata: [String: String] = [:]
    ) async throws -> Response {
        try await unary(IntakeService.name + "/" + method, request: request, as: Response.self,
                        options: CallOptions(metadata: metadata))
    }

    func submit(_ submission: FilingSubmission, key: String? = nil) async throws -> SubmissionReceipt {
        try await intake("SubmitFiling", submission, metadata: key.map { [IntakeService.idempotencyKey: $0] } ?? [:])
    }

    /// As the operator of `receipt`.
    func asOperator<Request: Encodable, Response: Decodable>(
        _ receipt: SubmissionReceipt, _ method: String, _ request: Request, as: Response.Type = Response.self
    ) async throws -> Response {
        try await intake(method, request, metadata: [IntakeService.filingIDKey: receipt.filingId,
                                                     IntakeService.accessCodeKey: receipt.accessCode])
    }

    func filing(_ id: String) async throws -> FilingView {
        try await intake("GetFiling", GetFilingRequest(filingId: id, revealPersonalNumbers: false))
    }

    func review(_ id: String, _ decision: String, reason: String? = nil) async throws -> FilingOutcome {
        try await intake("ReviewFiling", ReviewFilingRequest(filingId: id, decision: decision, reason: reason))
    }

    /// Every filing of the office (all pages).
    func allFilings(_ request: ListFilingsRequest = ListFilingsRequest(pageSize: 500)) async throws -> [FilingSummary] {
        var request = request
        var rows: [FilingSummary] = []
        while true {
            let page: ListFilingsResponse = try await intake("ListFilings", request)
            rows += page.filings
            guard let next = page.nextCursor else { return rows }
            request.cursor = next
        }
    }
}

/// Forms from the five seeds, with valid identity numbers (`IdentityGenerator`).
enum Forms {
    static let birth = IdentityDate(year: 1988, month: 6, day: 15)!

    /// A resident ID number issued in `region`.
    static func resident(_ region: String, _ sequence: Int) -> String {
        IdentityGenerator.residentID(region: Int(region)!, birth: birth, sequence: sequence % 1000)
    }

    /// A government organ's unified social credit code registered in `region`.
    static func creditCode(_ region: String) -> String {
        IdentityGenerator.unifiedSocialCreditCode(authority: "1", type: "1", region: Int(region)!,
                                                  organizationBody: "MB296893")
    }

    /// An individual's account.
    static func individual(_ name: String, platform: String = "douyin", region: String, sequence: Int = 101,
                           followers: Int? = nil, registered: String? = nil) -> FilingSubmission {
        FilingSubmission(
            operator: OperatorInput(kind: "individual", name: "陈晓" + String(sequence % 10),
                                    idNumber: resident(region, sequence), mobile: "1380013\(String(format: "%04d", sequence % 10000))"),
            object: ObjectInput(kind: "account", name: name, platform: platform, accountId: "acct\(sequence)-\(accountSuffix(name))",
                                businessScope: ["social_information"], forms: ["video"], registrationDate: registered,
                                followers: followers,
                                administrators: [AdministratorInput(name: "陈晓", mobile: "13900139000")]))
    }

    /// A government unit's account.
    static func government(_ name: String, unit: String, region: String, platform: String = "wechat_official_account",
                           registered: String? = nil, sequence: Int = 201) -> FilingSubmission {
        FilingSubmission(
            operator: OperatorInput(
                kind: "unit", name: unit, unitType: "organ", creditCode: creditCode(region),
                responsiblePerson: PersonInput(name: "张明", idNumber: resident(region, sequence), mobile: "13700137000")),
            object: ObjectInput(kind: "account", name: name, platform: platform, accountId: "gov\(sequence)-\(accountSuffix(name))",
                                businessScope: ["news_release", "policy_and_law"], forms: ["text", "image"],
                                registrationDate: registered, hasNewsLicence: false,
                                administrators: [AdministratorInput(name: "李华", mobile: "13600136000")]))
    }

    /// An app.
    static func app(_ name: String, region: String) -> FilingSubmission {
        FilingSubmission(
            operator: OperatorInput(kind: "individual", name: "赵强", idNumber: resident(region, 7), mobile: "13500135000"),
            object: ObjectInput(kind: "app", name: name,
                                administrators: [AdministratorInput(name: "赵强", mobile: "13500135000")]))
    }
}
