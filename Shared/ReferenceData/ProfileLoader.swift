import BeianModel
import Foundation

/// Loads the policy profiles of a directory and checks each one (`ProfileValidator`) and all of
/// them together (no office code twice).
package enum ProfileLoader {
    /// Profiles by office code from every `*.json` file in `directory` (sorted by file name).
    package static func loadProfiles(directory: URL) throws(ReferenceDataError) -> [String: PolicyProfile] {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw ReferenceDataError(file: directory.path, field: "", rule: "unreadable",
                                     message: "cannot list the profiles directory: \(error.localizedDescription)")
        }
        guard !files.isEmpty else {
            throw ReferenceDataError(file: directory.path, field: "", rule: "required", message: "no profile files (*.json)")
        }
        var loaded: [(file: String, profile: PolicyProfile)] = []
        for url in files {
            loaded.append((displayName(url), try loadProfile(url: url)))
        }
        if let (file, issue) = ProfileValidator.issues(across: loaded).first {
            throw ReferenceDataError(file: file, field: issue.path, rule: issue.rule, message: issue.message)
        }
        return Dictionary(uniqueKeysWithValues: loaded.map { ($0.profile.officeCode, $0.profile) })
    }

    /// One profile file, decoded and checked.
    package static func loadProfile(url: URL) throws(ReferenceDataError) -> PolicyProfile {
        let name = displayName(url)
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw ReferenceDataError(file: name, field: "", rule: "unreadable", message: error.localizedDescription)
        }
        return try parseProfile(bytes: bytes, file: name)
    }

    /// A profile from JSON bytes; `file` names it in errors.
    package static func parseProfile(bytes: [UInt8], file: String) throws(ReferenceDataError) -> PolicyProfile {
        let profile = try ReferenceJSON.decode(PolicyProfile.self, from: bytes, file: file)
        if let issue = ProfileValidator.issues(in: profile).first {
            throw ReferenceDataError(file: file, field: issue.path, rule: issue.rule, message: issue.message)
        }
        return profile.resolvingPlaceOffices()
    }

    /// `profiles/<name>` for display.
    static func displayName(_ url: URL) -> String {
        "\(url.deletingLastPathComponent().lastPathComponent)/\(url.lastPathComponent)"
    }
}

/// Loads and merges the rest-day tables of a directory.
package enum CalendarLoader {
    /// The calendar from every `*.tsv` file in `directory`.
    package static func loadCalendar(directory: URL) throws(ReferenceDataError) -> WorkingDayCalendar {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "tsv" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw ReferenceDataError(file: directory.path, field: "", rule: "unreadable",
                                     message: "cannot list the calendar directory: \(error.localizedDescription)")
        }
        var calendar: WorkingDayCalendar?
        for url in files {
            let name = ProfileLoader.displayName(url)
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                let next = try WorkingDayCalendar.parse(tsv: text, source: name)
                calendar = try calendar.map { try $0.merged(with: next) } ?? next
            } catch let error as CalendarError {
                throw ReferenceDataError(file: name, field: "", rule: error.code, message: error.message)
            } catch {
                throw ReferenceDataError(file: name, field: "", rule: "unreadable", message: error.localizedDescription)
            }
        }
        guard let calendar else {
            throw ReferenceDataError(file: directory.path, field: "", rule: "required", message: "no rest-day table (*.tsv)")
        }
        return calendar
    }
}
