import BeianModel
import BeianRPC

extension IntakeService {
    /// `CheckScope`: the dry run (anyone).
    var scopeMethods: [RPCMethod] {
        [
            .unary(Self.name, "CheckScope", summary: "Scope decision, deadline and missing materials of a submission, "
                   + "without filing it (备案范围预检; anyone)",
                   request: FilingSubmission.self, response: ScopeCheckResponse.self) { request, context in
                try await checkScope(request, context)
            },
        ]
    }

    /// Reports the same field violations a submission of `request` would get, the identity
    /// numbers' included (checked by the identity service, or their check characters here while
    /// it is unavailable), and the refusal of an account or website already filed here.
    func checkScope(_ request: FilingSubmission, _ context: ServerContext) async throws -> ScopeCheckResponse {
        _ = try context.caller()
        let (assessment, _) = try await assessVerified(request, forcedLocalOffice: nil)
        var refusals: [FieldViolation] = []
        if let key = ObjectKey.of(assessment.content.object) {
            let repository = self.repository
            if try await store.read({ db in try repository.isHeld(key, in: db) }) { refusals.append(key.alreadyFiled) }
        }
        return ScopeCheckResponse(
            officeCode: officeCode, scope: assessment.scope,
            wouldFile: ScopeRefusal.check(assessment.scope) == nil && refusals.isEmpty, refusals: refusals,
            reviewNeeded: assessment.scope.outcome == .needsStaffReview, localOfficeCode: assessment.localOffice,
            deadline: assessment.deadline, missingMaterials: assessment.materials.missing,
            conditionalMaterials: assessment.materials.conditional)
    }
}
