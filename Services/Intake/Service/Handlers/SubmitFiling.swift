import BeianModel
import BeianRPC
import BeianStore

extension IntakeService {
    /// `SubmitFiling`: operators (no certificate) or clerk/head on an operator's behalf.
    var submissionMethods: [RPCMethod] {
        [
            .unary(Self.name, "SubmitFiling", summary: "Submit a filing (提交备案): one operator, one object; "
                   + "returns the receipt with the access code. Metadata idempotency-key makes retries safe.",
                   request: FilingSubmission.self, response: SubmissionReceipt.self) { request, context in
                try await submitFiling(request, context)
            },
        ]
    }

    func submitFiling(_ request: FilingSubmission, _ context: ServerContext) async throws -> SubmissionReceipt {
        let principal = try requireSubmitter(context)
        let receipt = try await idempotentPrepared(context, method: "SubmitFiling", principal: principal,
                                                   request: request) {
            try await prepareSubmission(request, principal: principal)
        }
        if receipt.verification == .pending { wakeVerifier() }
        return receipt
    }

    /// Everything about a submission computed before the write (validation, identity, scope,
    /// sealing, the receipt); the write only inserts the filing, its history and audit entries.
    private func prepareSubmission(_ request: FilingSubmission, principal: Principal) async throws
        -> PreparedWrite<SubmissionReceipt> {
        let (assessment, verification) = try await assessVerified(
            request, forcedLocalOffice: principal.staffMember?.scope.localOfficeID)
        if let refusal = ScopeRefusal.check(assessment.scope) { throw RPCError.scope(refusal) }
        let now = clock.now()
        let filing: Filing
        do throws(FilingTransitionError) {
            filing = try NewFiling.make(id: FilingIdentifier.generate(officeCode: officeCode), officeCode: officeCode,
                                        localOfficeCode: assessment.localOffice, content: assessment.content,
                                        by: principal.actor, at: now)
        } catch {
            throw RPCError(.internal, "a new filing could not be submitted: \(error)")
        }
        let record = IntakeFiling(
            filing: filing, scope: assessment.scope, deadline: assessment.deadline, verification: verification,
            reviewNeeded: assessment.scope.outcome == .needsStaffReview, submittedAt: now,
            submittedOn: now.chinaCivilDate, updatedAt: now)
        let accessCode = AccessCode.generate()
        let accessHash = repository.cipher.lookupHash(accessCode, purpose: AccessCode.purpose)
        let receipt = Self.receipt(record, accessCode: accessCode, missing: assessment.materials.missing)
        var details = ["scope": record.scope.outcome.rawValue, "verification": verification.state.rawValue,
                       "object_kind": filing.object.kind.rawValue]
        if let timeliness = record.deadline?.timeliness { details["timeliness"] = timeliness.rawValue }
        let prepared = try repository.prepare(record)
        let entries = try PreparedRecord("submit", actor: principal.actor, filing: record, version: 1,
                                         details: details, at: now)
        let repository = self.repository
        return PreparedWrite(response: receipt) { db in
            let stored = try repository.insert(prepared, accessHash: accessHash, in: db)
            try entries.write(filing: stored.sequence, repository: repository, in: db)
        }
    }

    package static func receipt(_ record: IntakeFiling, accessCode: String, missing: [MaterialRule]) -> SubmissionReceipt {
        var zh = ["已受理，备案编号\(record.filing.id)，请妥善保存查询码（仅显示一次）"]
        var en = ["received as \(record.filing.id); keep the access code, it is shown only once"]
        if record.verification.state == .pending {
            zh.append("身份核验服务暂不可用，恢复后将自动核验")
            en.append("identity verification is pending and will run automatically")
        }
        if record.reviewNeeded {
            zh.append("是否属于备案范围需工作人员审核")
            en.append("staff will decide on scope")
        }
        if !missing.isEmpty {
            zh.append("请补交材料：" + missing.map(\.wording).joined(separator: "；"))
            en.append("materials missing: " + missing.map { $0.anyOf.map(\.rawValue).joined(separator: " or ") }
                .joined(separator: "; "))
        }
        return SubmissionReceipt(
            filingId: record.filing.id, accessCode: accessCode, status: record.filing.status,
            verification: record.verification.state, scope: record.scope, reviewNeeded: record.reviewNeeded,
            localOfficeCode: record.filing.localOfficeCode, deadline: record.deadline, missingMaterials: missing,
            version: record.filing.version, submittedAt: record.submittedAt, noticeZh: zh.joined(separator: "；"),
            noticeEn: en.joined(separator: "; "))
    }
}
