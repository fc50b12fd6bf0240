import BeianJSON
import BeianModel
import BeianRPC
import BeianServiceKit
import BeianStore

extension IntakeService {
    /// `TransferFiling`, `GetTransfer`, `ReceiveTransfer`.
    var transferMethods: [RPCMethod] {
        [
            .unary(Self.name, "TransferFiling", summary: "Hand a filing submitted to the wrong office to the right "
                   + "office's intake (移交; head); it ends here as cancelled with the target's filing id",
                   request: TransferFilingRequest.self, response: TransferOutcome.self) { request, context in
                try await transferFiling(request, context)
            },
            .unary(Self.name, "GetTransfer", summary: "Where a transferred filing went, with its new access code "
                   + "(移交去向; its operator, or staff)",
                   request: GetTransferRequest.self, response: TransferOutcome.self) { request, context in
                try await getTransfer(request, context)
            },
            .unary(Self.name, "ReceiveTransfer", summary: "Create a filing transferred from another office (接收移交; "
                   + "only that office's intake service; idempotent by source filing id)",
                   request: ReceiveTransferRequest.self, response: ReceiveTransferResponse.self) { request, context in
                try await receiveTransfer(request, context)
            },
        ]
    }

    /// The method a sending intake calls on the receiving one.
    static let receiveTransferMethod = "beian.intake.v1.Intake/ReceiveTransfer"

    func transferFiling(_ request: TransferFilingRequest, _ context: ServerContext) async throws -> TransferOutcome {
        let principal = Principal.staff(try requireStaff(context, roles: [.head]))
        let checked = try TransferRequestChecks.check(targetOffice: request.targetOffice, reason: request.reason,
                                                      ownOffice: officeCode, peers: peers.offices)
        let (target, reason) = (checked.targetOffice, checked.reason)
        let id = request.filingId
        let current = try await visibleFiling(id, to: principal)
        let repository = self.repository
        let sequence = current.sequence
        if let done = try await store.read({ db in try repository.recordedTransfer(filing: sequence, in: db) }) {
            return try Self.outcome(current.record.filing, done.transfer, requested: target, history: done.history)
        }
        if let refusal = FilingTransfer.refusal(current.record.filing) { throw RPCError(.failedPrecondition, refusal) }
        let override = request.overrideTargetScope == true
        let received = try await sendTransfer(current, to: target, reason: reason, acceptOutOfScope: override)
        let details = TransferHistoryDetails.transferOut(targetOffice: target, targetFilingID: received.filingId,
                                                         reason: reason, targetScope: received.scope,
                                                         overrideRequested: override)
        let now = clock.now()
        let service = self
        return try await store.write { db in
            var stored = try service.reloaded(id, to: principal, in: db)
            if let done = try repository.recordedTransfer(filing: stored.sequence, in: db) {
                return try Self.outcome(stored.record.filing, done.transfer, requested: target, history: done.history)
            }
            if let refusal = FilingTransfer.refusal(stored.record.filing) {
                throw RPCError(.failedPrecondition, refusal)
            }
            do throws(FilingTransitionError) {
                stored.record.filing = try FilingTransfer.transferredOut(
                    stored.record.filing, targetOffice: target, targetFilingID: received.filingId, reason: reason,
                    by: principal.actor, at: now)
            } catch {
                throw RPCError.transition(error, filingID: id)
            }
            stored.record.updatedAt = now
            try repository.update(stored, in: db)
            let transfer = OutgoingTransfer(targetOffice: target, targetFilingId: received.filingId,
                                            targetAccessCode: received.accessCode, reason: reason, at: now,
                                            actor: principal.actor)
            try repository.insertOutgoingTransfer(transfer, filing: stored.sequence, in: db)
            try service.record("transfer_out", by: principal, filing: stored, version: stored.record.filing.version,
                               details: details, at: now, in: db)
            let entry = FilingHistoryEntry(at: now, actor: principal.actor, action: "transfer_out", version: nil,
                                           details: details)
            return try Self.outcome(stored.record.filing, transfer, requested: target, history: [entry])
        }
    }

    func getTransfer(_ request: GetTransferRequest, _ context: ServerContext) async throws -> TransferOutcome {
        let id = request.filingId
        let principal = try await requireActor(context, filingID: id, staffRoles: [.clerk, .head, .auditor])
        let current = try await visibleFiling(id, to: principal)
        let repository = self.repository
        let sequence = current.sequence
        let recorded = try await store.read { db in try repository.recordedTransfer(filing: sequence, in: db) }
        guard let done = recorded else {
            throw RPCError(.notFound, zh: "备案\(id)未移交", en: "filing \(id) was not transferred")
        }
        return try Self.outcome(current.record.filing, done.transfer, requested: nil, history: done.history)
    }

    /// Calls the target's `ReceiveTransfer`; UNAVAILABLE when it does not answer (nothing changed
    /// here: the head retries), FAILED_PRECONDITION naming its answer when it refuses (for scope:
    /// its decision, and how the head may confirm the transfer all the same).
    private func sendTransfer(_ stored: StoredFiling, to office: String, reason: String,
                              acceptOutOfScope: Bool) async throws -> ReceiveTransferResponse {
        guard let client = peers.client(for: office) else {
            let (zh, en) = TransferRequestChecks.unknownPeer(office, configured: peers.offices)
            throw RPCError(.failedPrecondition, zh: zh, en: en)
        }
        let record = stored.record
        let request = ReceiveTransferRequest(
            sourceOffice: officeCode, sourceFilingId: stored.id, reason: reason, content: record.filing.content,
            submittedAt: record.submittedAt, submittedOn: record.submittedOn,
            acceptOutOfScope: acceptOutOfScope ? true : nil)
        do throws(RPCError) {
            return try await client.unary(
                Self.receiveTransferMethod, request: request, as: ReceiveTransferResponse.self,
                options: CallOptions(metadata: [Self.idempotencyKey: "transfer:\(stored.id)"], timeout: .seconds(15)))
        } catch where error.code == .unavailable || error.code == .deadlineExceeded {
            throw RPCError(.unavailable, zh: "网信办\(office)的受理系统暂不可用，未移交，请稍后重试",
                           en: "the intake of office \(office) did not answer (\(error.message)); nothing was "
                               + "transferred, try again")
        } catch {
            if let detail = error.details.first(where: { $0["type"]?.stringValue == TransferScopeDetail.type }),
               let value = detail["decision"],
               let decision = try? JSONCoding.decode(ScopeDecision.self, from: value) {
                let (zh, en) = TransferScopeDecision.refusedByTarget(decision, office: office)
                var refused = RPCError(.failedPrecondition, zh: zh, en: en)
                refused.details = [detail]
                throw refused
            }
            throw RPCError(.failedPrecondition, zh: "网信办\(office)的受理系统拒绝接收移交：\(error.message)",
                           en: "the intake of office \(office) refused the transfer: \(error.code.name): "
                               + error.message)
        }
    }

    /// The outcome of a recorded transfer, with the target office's scope decision from its
    /// `transfer_out` history entry; FAILED_PRECONDITION when it went elsewhere than `requested`.
    private static func outcome(_ filing: Filing, _ transfer: OutgoingTransfer, requested: String?,
                                history: [FilingHistoryEntry]) throws(RPCError) -> TransferOutcome {
        if let requested, let elsewhere = FilingTransfer.transferredElsewhere(filing.id, to: transfer.targetOffice,
                                                                              requested: requested) {
            throw RPCError(.failedPrecondition, zh: elsewhere.zh, en: elsewhere.en)
        }
        let note = history.last { $0.action == "transfer_out" }?.details ?? [:]
        return TransferOutcome(filingId: filing.id, status: filing.status, statusZh: filing.status.zh,
                               targetOffice: transfer.targetOffice, targetFilingId: transfer.targetFilingId,
                               targetAccessCode: transfer.targetAccessCode, reason: transfer.reason,
                               transferredAt: transfer.at,
                               targetScope: note[TargetScopeNote.outcome].flatMap(ScopeOutcome.init(rawValue:)),
                               targetScopeZh: note[TargetScopeNote.zh], targetScopeEn: note[TargetScopeNote.en],
                               targetScopeOverridden: note[TargetScopeNote.overridden] == "true" ? true : nil)
    }
}

extension FilingRepository {
    /// The transfer of filing row `sequence`, with the filing's history (where the target office's
    /// scope decision is noted), or nil when it was not transferred.
    func recordedTransfer(filing sequence: Int64,
                          in db: Database) throws -> (transfer: OutgoingTransfer, history: [FilingHistoryEntry])? {
        guard let transfer = try outgoingTransfer(filing: sequence, in: db) else { return nil }
        return (transfer, try history(filing: sequence, in: db))
    }
}
