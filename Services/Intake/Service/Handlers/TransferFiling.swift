import BeianModel
import BeianRPC
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
        var list = ViolationList()
        let target = list.requiredCode(request.targetOffice, "target_office", "移交网信办", "Target office")
        let reason = list.requiredText(request.reason, "reason", "移交理由", "Reason",
                                       maxLength: SubmissionValidator.descriptionLimit)
        if let target, target == officeCode {
            list.add("target_office", "own_office", zh: "不能移交给本办",
                     en: "a filing cannot be transferred to its own office")
        } else if let target, peers.client(for: target) == nil {
            let known = peers.offices.joined(separator: ", ")
            list.add("target_office", "unknown_office", zh: "未配置网信办\(target)的受理系统（已配置：\(known)）",
                     en: "no intake of office \(target) is configured (BEIAN_PEER_INTAKES: \(known))")
        }
        guard list.isEmpty, let target, let reason else { throw ValidationFailure(violations: list.violations) }
        let id = request.filingId
        let current = try await visibleFiling(id, to: principal)
        let repository = self.repository
        let sequence = current.sequence
        if let done = try await store.read({ db in try repository.outgoingTransfer(filing: sequence, in: db) }) {
            return try Self.outcome(current.record.filing, done, requested: target)
        }
        if let refusal = FilingTransfer.refusal(current.record.filing) { throw RPCError(.failedPrecondition, refusal) }
        let received = try await sendTransfer(current, to: target, reason: reason)
        let now = clock.now()
        let service = self
        return try await store.write { db in
            var stored = try service.reloaded(id, to: principal, in: db)
            if let done = try repository.outgoingTransfer(filing: stored.sequence, in: db) {
                return try Self.outcome(stored.record.filing, done, requested: target)
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
                               details: ["target_office": target, "target_filing_id": received.filingId,
                                         "reason": reason], at: now, in: db)
            return try Self.outcome(stored.record.filing, transfer, requested: target)
        }
    }

    func getTransfer(_ request: GetTransferRequest, _ context: ServerContext) async throws -> TransferOutcome {
        let id = request.filingId
        let principal = try await requireActor(context, filingID: id, staffRoles: [.clerk, .head, .auditor])
        let current = try await visibleFiling(id, to: principal)
        let repository = self.repository
        let sequence = current.sequence
        guard let done = try await store.read({ db in try repository.outgoingTransfer(filing: sequence, in: db) }) else {
            throw RPCError(.notFound, "filing \(id) was not transferred / 该备案未移交")
        }
        return try Self.outcome(current.record.filing, done, requested: nil)
    }

    /// Calls the target's `ReceiveTransfer`; UNAVAILABLE when it does not answer (nothing changed
    /// here: the head retries), FAILED_PRECONDITION naming its answer when it refuses.
    private func sendTransfer(_ stored: StoredFiling, to office: String,
                              reason: String) async throws -> ReceiveTransferResponse {
        guard let client = peers.client(for: office) else {
            throw RPCError(.failedPrecondition, "no intake of office \(office) is configured")
        }
        let record = stored.record
        let request = ReceiveTransferRequest(
            sourceOffice: officeCode, sourceFilingId: stored.id, reason: reason, content: record.filing.content,
            submittedAt: record.submittedAt, submittedOn: record.submittedOn)
        do throws(RPCError) {
            return try await client.unary(
                Self.receiveTransferMethod, request: request, as: ReceiveTransferResponse.self,
                options: CallOptions(metadata: [Self.idempotencyKey: "transfer:\(stored.id)"], timeout: .seconds(15)))
        } catch where error.code == .unavailable || error.code == .deadlineExceeded {
            throw RPCError(.unavailable, "the intake of office \(office) did not answer (\(error.message)); "
                + "nothing was transferred, try again / 对方网信办受理系统暂不可用，未移交，请稍后重试")
        } catch {
            throw RPCError(.failedPrecondition, "the intake of office \(office) refused the transfer: "
                + "\(error.code.name): \(error.message)")
        }
    }

    /// The outcome of a recorded transfer; FAILED_PRECONDITION when it went elsewhere than `requested`.
    private static func outcome(_ filing: Filing, _ transfer: OutgoingTransfer,
                                requested: String?) throws(RPCError) -> TransferOutcome {
        if let requested, requested != transfer.targetOffice {
            throw RPCError(.failedPrecondition, "filing \(filing.id) was already transferred to office "
                + "\(transfer.targetOffice) / 该备案已移交\(transfer.targetOffice)")
        }
        return TransferOutcome(filingId: filing.id, status: filing.status, statusZh: filing.status.zh,
                               targetOffice: transfer.targetOffice, targetFilingId: transfer.targetFilingId,
                               targetAccessCode: transfer.targetAccessCode, reason: transfer.reason,
                               transferredAt: transfer.at)
    }
}
