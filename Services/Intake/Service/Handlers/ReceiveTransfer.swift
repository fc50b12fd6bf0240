import BeianJSON
import BeianModel
import BeianRPC
import BeianServiceKit
import BeianStore

extension IntakeService {
    func receiveTransfer(_ request: ReceiveTransferRequest,
                         _ context: ServerContext) async throws -> ReceiveTransferResponse {
        let source = try requireTransferringIntake(context, request)
        guard let reason = TransferRequestChecks.receivedReason(request.reason) else {
            throw RPCError.invalidArgument("移交理由不能为空（最多2000字） / reason is required (at most 2000 characters)",
                                           violations: [
                RPCError.FieldViolation(field: "reason", rule: "required", zh: "移交理由不能为空", en: "reason is required"),
            ])
        }
        let sourceID = request.sourceFilingId
        let repository = self.repository
        if let done = try await store.read({ db in try repository.incomingTransfer(source: sourceID, in: db) }) {
            return try await receipt(done)
        }
        let content = request.content
        let today = clock.today()
        let scope = ScopeEvaluator.decide(profile: profile, operator: content.operator, object: content.object,
                                          facts: content.scopeFacts, today: today)
        let decision = TransferScopeDecision(scope: scope, acceptOutOfScope: request.acceptOutOfScope == true)
        if case .refuse(let refusal) = decision { throw scopeRefusal(refusal.decision) }
        let verification: Verification
        do {
            verification = try await verify(content.operator)
        } catch {
            // Invalid numbers are found again by the pending-verification job, which returns the filing for correction.
            verification = Verification(state: .pending)
        }
        let actor = FilingTransfer.receivingActor(from: source)
        let now = clock.now()
        let filing: Filing
        do throws(FilingTransitionError) {
            filing = try NewFiling.make(id: FilingIdentifier.generate(officeCode: officeCode), officeCode: officeCode,
                                        localOfficeCode: scope.routing?.localOfficeId, content: content, by: actor,
                                        at: now)
        } catch {
            throw RPCError(.internal, "a transferred filing could not be created: \(error)")
        }
        let record = IntakeFiling(
            filing: filing, scope: scope,
            deadline: SubmissionAssessor.newAccountDeadline(content, profile: profile, calendar: calendar,
                                                            today: request.submittedOn),
            verification: verification, reviewNeeded: scope.outcome != .inScope, submittedAt: request.submittedAt,
            submittedOn: request.submittedOn, updatedAt: now)
        let accessCode = AccessCode.generate()
        let accessHash = repository.cipher.lookupHash(accessCode, purpose: AccessCode.purpose)
        let service = self
        let prepared = try repository.prepare(record)
        let answer = try await store.write { db -> ReceiveTransferResponse in
            if let done = try repository.incomingTransfer(source: sourceID, in: db) {
                let record = try repository.load(id: done.filingId, in: db)?.record
                return ReceiveTransferResponse(officeCode: service.officeCode, filingId: done.filingId,
                                               accessCode: done.accessCode, status: record?.filing.status ?? .submitted,
                                               scope: record?.scope)
            }
            let stored = try repository.insert(prepared, accessHash: accessHash, in: db)
            try repository.insertIncomingTransfer(source: sourceID, office: source, accessCode: accessCode,
                                                  filing: stored.sequence, at: now, in: db)
            let details = TransferHistoryDetails.receiveTransfer(
                fromOffice: source, fromFilingID: sourceID, reason: reason, scope: scope.outcome,
                verification: verification.state, timeliness: record.deadline?.timeliness, decision: decision)
            try service.record("receive_transfer", actor: actor, filing: stored, version: 1, details: details, at: now,
                               in: db)
            return ReceiveTransferResponse(officeCode: service.officeCode, filingId: filing.id, accessCode: accessCode,
                                           status: filing.status, scope: scope)
        }
        if verification.state == .pending { wakeVerifier() }
        return answer
    }

    /// The sending office: the caller must be the intake service of another office, sending its own filing.
    private func requireTransferringIntake(_ context: ServerContext,
                                           _ request: ReceiveTransferRequest) throws(RPCError) -> String {
        guard case .service("intake", let office?) = try context.caller() else {
            throw RPCError(context.peer == nil ? .unauthenticated : .permissionDenied,
                           zh: "\(context.operationZh)仅限其他网信办的受理系统进行",
                           en: "\(context.method) may be called only by the intake service of another office")
        }
        guard office != officeCode else {
            throw RPCError(.permissionDenied, zh: "不能向本办移交备案", en: "an office does not transfer filings to itself")
        }
        guard request.sourceOffice == office else {
            throw RPCError(.permissionDenied, zh: "网信办\(office)的受理系统不能移交网信办\(request.sourceOffice)的备案",
                           en: "the intake of office \(office) may not transfer filings of office "
                               + request.sourceOffice)
        }
        let source = request.sourceFilingId
        guard FilingIdentifier.isWellFormed(source), source.hasPrefix("\(office)-") else {
            throw RPCError.invalidArgument("来源备案编号不是网信办\(office)的备案编号 / source_filing_id is not a filing id "
                                           + "of office \(office)", violations: [
                RPCError.FieldViolation(field: "source_filing_id", rule: "filing_id", zh: "来源备案编号无效",
                                        en: "not a filing id of the sending office"),
            ])
        }
        return office
    }

    /// The answer for a transfer received before (a retry).
    private func receipt(_ done: IncomingTransfer) async throws -> ReceiveTransferResponse {
        let repository = self.repository
        let record = try await store.read { db in try repository.load(id: done.filingId, in: db)?.record }
        return ReceiveTransferResponse(officeCode: officeCode, filingId: done.filingId, accessCode: done.accessCode,
                                       status: record?.filing.status ?? .submitted, scope: record?.scope)
    }

    /// FAILED_PRECONDITION for a transfer this office's scope rules refuse, with the decision as a
    /// `scope_decision` detail (the sending office shows it to its head).
    private func scopeRefusal(_ decision: ScopeDecision) -> RPCError {
        let (zh, en) = TransferScopeDecision.refusal(decision, office: officeCode)
        var error = RPCError(.failedPrecondition, zh: zh, en: en)
        if let scope = try? JSONCoding.encodeValue(decision) {
            error.details = [["type": .string(TransferScopeDetail.type), "decision": scope,
                              "office": .string(officeCode)]]
        }
        return error
    }
}
