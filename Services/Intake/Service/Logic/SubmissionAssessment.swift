import BeianModel

/// What the office's profile says about a submission before anything is stored: the validated
/// content, the scope decision, the deadline and the materials still missing.
package struct SubmissionAssessment: Sendable, Hashable {
    /// Normalized content.
    package var content: FilingContent
    /// The local office that handles it, if any (chosen by the operator or routed).
    package var localOffice: String?
    /// Scope (备案范围).
    package var scope: ScopeDecision
    /// Deadline for a new account, when the registration date is known and a rule applies.
    package var deadline: DeadlineAssessment?
    /// Required materials not attached.
    package var materials: MaterialCheck
}

/// The pure part of checking a submission against an office's profile (no I/O).
package enum SubmissionAssessor {
    /// Validates `submission` (every violation at once), then decides scope, deadline and
    /// materials. `officeCode` fills in a missing office code; a different one is a violation.
    /// `forcedLocalOffice` is the local office of staff filing on an operator's behalf.
    package static func assess(_ submission: FilingSubmission, profile: PolicyProfile, calendar: WorkingDayCalendar,
                               today: CivilDate, forcedLocalOffice: String? = nil)
        throws(ValidationFailure) -> SubmissionAssessment {
        var input = submission
        if input.officeCode.map(TextNormalization.code)?.isEmpty ?? true { input.officeCode = profile.officeCode }
        if let forcedLocalOffice { input.localOfficeCode = forcedLocalOffice }
        var extra = ViolationList()
        if let code = input.officeCode.map(TextNormalization.code), code != profile.officeCode {
            extra.add("office_code", "wrong_office",
                      zh: "本系统受理\(profile.nameZh)（\(profile.officeCode)）的备案，不受理\(code)",
                      en: "this service files for \(profile.nameEn) (\(profile.officeCode)), not \(code)")
        }
        // The same local office words as the lists take (id, name, a place only it covers); stored by id.
        let local = FilingFilterChecks.localOffice(input.localOfficeCode, field: "local_office_code", profile: profile,
                                                   into: &extra)
        input.localOfficeCode = local.flatMap { $0.isEmpty ? nil : $0 }
        let validated: ValidatedSubmission
        do throws(ValidationFailure) {
            validated = try SubmissionValidator.validate(input, today: today)
        } catch {
            throw ValidationFailure(violations: extra.violations + error.violations)
        }
        guard extra.isEmpty else { throw ValidationFailure(violations: extra.violations) }
        let content = validated.content
        let scope = ScopeEvaluator.decide(profile: profile, operator: content.operator, object: content.object,
                                          facts: content.scopeFacts, today: today)
        let deadline = newAccountDeadline(content, profile: profile, calendar: calendar, today: today)
        return SubmissionAssessment(
            content: content, localOffice: local ?? scope.routing?.localOfficeId, scope: scope, deadline: deadline,
            materials: MaterialCheck(profile: profile, operator: content.operator, materials: content.materials))
    }

    /// The new-account deadline (from the registration date), filed today; nil without a date or
    /// when the calendar cannot answer.
    package static func newAccountDeadline(_ content: FilingContent, profile: PolicyProfile,
                                           calendar: WorkingDayCalendar, today: CivilDate) -> DeadlineAssessment? {
        guard let opened = content.object.registrationDate else { return nil }
        return try? DeadlineCalculator.assess(
            profile: profile, event: .newAccount, eventDate: opened, filedDate: today, operator: content.operator,
            hasNewsLicence: hasNewsLicence(content.object), calendar: calendar)
    }

    /// Whether the object holds a news licence.
    package static func hasNewsLicence(_ object: FilingObject) -> Bool {
        switch object {
        case .website(let site): site.hasNewsLicence
        case .app(let app): app.hasNewsLicence
        case .miniProgram(let program): program.hasNewsLicence
        case .account(let account): account.hasNewsLicence
        }
    }
}
