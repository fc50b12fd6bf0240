import BeianModel
import BeianReferenceData

/// Shared fixtures of the identity tests: the shipped division table, loaded once, and a fixed today.
enum IdentityFixtures {
    /// The bundled division table (the same file the product ships).
    static let divisions: DivisionRegistry = {
        do { return try DivisionRegistry.loadBundled() } catch { fatalError("bundled division table: \(error)") }
    }()
    /// A validator over the bundled table.
    static let validator = IdentityValidator(divisions: divisions)
    /// "Today" for every test: 2025-06-01.
    static let today = IdentityDate(year: 2025, month: 6, day: 1)!

    /// Validates with auto-detection as of `today`.
    static func check(_ input: String) -> IdentityCheck { validator.validate(input, today: today) }
    /// Validates as a kind as of `today`.
    static func check(_ input: String, as kind: IdentityKind) -> IdentityCheck {
        validator.validate(input, as: kind, today: today)
    }
    /// A date that exists.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> IdentityDate { IdentityDate(year: year, month: month, day: day)! }
}

extension IdentityCheck {
    /// The reason codes, in order.
    var reasonCodes: [IdentityIssue.Code] { reasons.map(\.code) }
    /// The warning codes, in order.
    var warningCodes: [IdentityIssue.Code] { warnings.map(\.code) }
}
