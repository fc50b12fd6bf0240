import BeianModel
import BeianRPC
import BeianStore

extension IntakeService {
    func receiveTransfer(_ request: ReceiveTransferRequest,
                         _ context: ServerContext) async throws -> ReceiveTransferResponse {
        let source = try requireTransferringIntake(context, request)
        let reason = TextNormalization.text(request.reason)
        guard !reason.isEmpty, reason.count <= SubmissionValidator.descriptionLimit else {
            throw RPCError.invalidArgument("reason is required (at most 2000 characters)", violations: [
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
                let status = try repository.load(id: done.filingId, in: db)?.record.filing.status ?? .submitted
                return ReceiveTransferResponse(officeCode: service.officeCode, filingId: done.filingId,
                                               accessCode: done.accessCode, status: status)
            }
            let stored = try repository.insert(prepared, accessHash: accessHash, in: db)
            try repository.insertIncomingTransfer(source: sourceID, office: source, accessCode: accessCode,
                                                  filing: stored.sequence, at: now, in: db)
            var details = ["from_office": source, "from_filing_id": sourceID, "reason": reason,
                           "scope": scope.outcome.rawValue, "verification": verification.state.rawValue]
            if let timeliness = record.deadline?.timeliness { details["timeliness"] = timeliness.rawValue }
            try service.record("receive_transfer", actor: actor, filing: stored, version: 1, details: details, at: now,
                               in: db)
            return ReceiveTransferResponse(officeCode: service.officeCode, filingId: filing.id, accessCode: accessCode,
                                           status: filing.status)
        }
        if verification.state == .pending { wakeVerifier() }
        return answer
    }

    /// The sending office: the caller must be the intake service of another office, sending its own filing.
    private func requireTransferringIntake(_ context: ServerContext,
                                           _ request: ReceiveTransferRequest) throws(RPCError) -> String {
        guard case .service("intake", let office?) = try context.caller() else {
            throw RPCError(context.peer == nil ? .unauthenticated : .permissionDenied,
                           "\(context.method) may be called only by the intake service of another office")
        }
        guard office != officeCode else {
            throw RPCError(.permissionDenied, "an office does not transfer filings to itself")
        }
        guard request.sourceOffice == office else {
            throw RPCError(.permissionDenied, "the intake of office \(office) may not transfer filings of office "
                + "\(request.sourceOffice)")
        }
        let source = request.sourceFilingId
        guard FilingIdentifier.isWellFormed(source), source.hasPrefix("\(office)-") else {
            throw RPCError.invalidArgument("source_filing_id is not a filing id of office \(office)", violations: [
                RPCError.FieldViolation(field: "source_filing_id", rule: "filing_id", zh: "来源备案编号无效",
                                        en: "not a filing id of the sending office"),
            ])
        }
        return office
    }

    /// The answer for a transfer received before (a retry).
    private func receipt(_ done: IncomingTransfer) async throws -> ReceiveTransferResponse {
        let repository = self.repository
        let status = try await store.read { db in try repository.load(id: done.filingId, in: db)?.record.filing.status }
        return ReceiveTransferResponse(officeCode: officeCode, filingId: done.filingId, accessCode: done.accessCode,
                                       status: status ?? .submitted)
    }
}
