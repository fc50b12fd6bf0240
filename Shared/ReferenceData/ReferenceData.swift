import BeianModel
import Foundation

/// The reference data a service runs on: the offices' policy profiles and the working-day
/// calendar, loaded from a data directory (the bundled `Resources`, or `BEIAN_DATA_DIR`).
///
/// Directory layout: `profiles/*.json` (one policy profile per file) and `calendar/*.tsv`
/// (State Council rest-day tables, merged). Everything is checked at load: a broken file fails
/// with its name, the field path and the rule.
package struct ReferenceData: Sendable {
    /// Profiles by office code.
    package let profiles: [String: PolicyProfile]
    /// The working-day calendar.
    package let calendar: WorkingDayCalendar
    /// Where the data came from.
    package let directory: URL

    /// The profile of an office, by division code.
    package func profile(officeCode: String) -> PolicyProfile? { profiles[officeCode] }

    /// Loads and checks everything under `directory`.
    package static func load(directory: URL) throws(ReferenceDataError) -> ReferenceData {
        let profiles = try ProfileLoader.loadProfiles(directory: directory.appendingPathComponent("profiles"))
        let calendar = try CalendarLoader.loadCalendar(directory: directory.appendingPathComponent("calendar"))
        return ReferenceData(profiles: profiles, calendar: calendar, directory: directory)
    }

    /// The data shipped with the build (`Shared/ReferenceData/Resources`).
    package static var bundledDirectory: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources")
    }

    /// Loads the bundled data.
    package static func loadBundled() throws(ReferenceDataError) -> ReferenceData {
        try load(directory: bundledDirectory)
    }

    /// Loads from `BEIAN_DATA_DIR` when set (deployments replace data without rebuilding),
    /// else the bundled data; then merges the rest-day tables of `BEIAN_CALENDAR_DIR`, when set:
    /// how an office adds a year the State Council has just published (e.g. `cn-rest-days-2027.tsv`)
    /// without copying the rest of the data. Its years must follow on from the others'.
    package static func load(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ReferenceDataError) -> ReferenceData {
        var data: ReferenceData
        if let path = environment["BEIAN_DATA_DIR"], !path.isEmpty {
            data = try load(directory: URL(fileURLWithPath: path, isDirectory: true))
        } else {
            data = try loadBundled()
        }
        if let path = environment["BEIAN_CALENDAR_DIR"], !path.isEmpty {
            data = try data.addingCalendar(directory: URL(fileURLWithPath: path, isDirectory: true))
        }
        return data
    }

    /// This data with the rest-day tables of `directory` merged into its calendar.
    package func addingCalendar(directory extra: URL) throws(ReferenceDataError) -> ReferenceData {
        let more = try CalendarLoader.loadCalendar(directory: extra)
        do {
            return ReferenceData(profiles: profiles, calendar: try calendar.merged(with: more), directory: directory)
        } catch {
            throw ReferenceDataError(file: extra.path, field: "", rule: error.code, message: error.message)
        }
    }
}

/// A reference-data file that could not be loaded: file, field path, rule and message.
package struct ReferenceDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (path relative to the data directory where possible).
    package let file: String
    /// Snake_case field path inside the file (empty for whole-file problems).
    package let field: String
    /// Stable rule code: `json_syntax`, `required`, `type`, `enum_value`, `date_format`,
    /// `threshold_negative`, `window_order`, `duplicate_office_code`, `unreadable`, ...
    package let rule: String
    /// Explanation.
    package let message: String

    /// Creates an error.
    package init(file: String, field: String, rule: String, message: String) {
        self.file = file
        self.field = field
        self.rule = rule
        self.message = message
    }

    /// Text for logs and messages.
    package var description: String {
        field.isEmpty ? "\(file): \(rule): \(message)" : "\(file): \(field): \(rule): \(message)"
    }
}
