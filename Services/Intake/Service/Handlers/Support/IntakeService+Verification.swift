import BeianModel
import BeianRPC

/// The identity step shared by submission, resubmission and change: validate, then verify the
/// identity numbers through the identity service.
extension IntakeService {
    /// Assesses a submission against the profile, reporting every violation at once: the form's
    /// and, when the identity service answers, the identity numbers'. Throws `ValidationFailure`
    /// (INVALID_ARGUMENT) for invalid input; returns the assessment and the verification, which is
    /// `pending` when the identity service did not answer.
    func assessVerified(_ submission: FilingSubmission, forcedLocalOffice: String?) async throws
        -> (SubmissionAssessment, Verification) {
        let assessment: SubmissionAssessment
        do throws(ValidationFailure) {
            assessment = try SubmissionAssessor.assess(submission, profile: profile, calendar: calendar,
                                                       today: clock.today(), forcedLocalOffice: forcedLocalOffice)
        } catch {
            throw ValidationFailure(violations: await withIdentityViolations(error.violations, submission.operator))
        }
        let verification = try await verify(assessment.content.operator)
        return (assessment, verification)
    }

    /// The verification of an operator's numbers: `verified`, or `pending` when identity did not
    /// answer; throws `ValidationFailure` when a number is invalid.
    func verify(_ op: Operator) async throws -> Verification {
        let queries = IdentityNumbers.queries(for: op)
        let malformed = IdentityNumbers.formatViolations(queries)
        guard malformed.isEmpty else { throw ValidationFailure(violations: malformed) }
        let results: [IdentityResult]
        do throws(RPCError) {
            results = try await identity.verify(queries)
        } catch {
            let mistyped = IdentityNumbers.checkCharacterViolations(queries)
            guard mistyped.isEmpty else { throw ValidationFailure(violations: mistyped) }
            logger.warning("identity service did not answer; verification pending",
                           ["code": .string(error.code.name), "error": .string(error.message)])
            return Verification(state: .pending)
        }
        let violations = IdentityNumbers.violations(for: results, queries: queries)
        guard violations.isEmpty else { throw ValidationFailure(violations: violations) }
        return Verification(state: .verified, checkedAt: clock.now())
    }

    /// `violations` plus identity's findings on numbers whose fields have no violation yet
    /// (best effort: nothing is added when identity does not answer).
    private func withIdentityViolations(_ violations: [FieldViolation], _ input: OperatorInput?) async -> [FieldViolation] {
        let flagged = Set(violations.map(\.field))
        let candidates = IdentityNumbers.queries(for: input).filter { !flagged.contains($0.ref) }
        let malformed = IdentityNumbers.formatViolations(candidates)
        let queries = candidates.filter { query in !malformed.contains { $0.field == query.ref } }
        guard let results = try? await identity.verify(queries) else {
            return violations + malformed + IdentityNumbers.checkCharacterViolations(queries)
        }
        return violations + malformed + IdentityNumbers.violations(for: results, queries: queries)
    }

    /// The filing after `event`, or FAILED_PRECONDITION naming its status.
    func transition(_ filing: Filing, _ event: FilingEvent, content: FilingContent? = nil, by actor: String,
                    at time: Timestamp) throws(RPCError) -> Filing {
        do throws(FilingTransitionError) {
            return try filing.applying(event, content: content, by: actor, at: time)
        } catch {
            throw RPCError.transition(error, filingID: filing.id)
        }
    }
}
