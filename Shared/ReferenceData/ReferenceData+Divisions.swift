import BeianModel
import Foundation

/// Loading the division table (行政区划代码表, `divisions.tsv`) from the bundled resources or
/// from a deployment's data directory (`BEIAN_DATA_DIR`). Parsing itself is pure and lives in
/// BeianModel (`DivisionRegistry.init(tsv:source:)`); only the file reading is here.
extension DivisionRegistry {
    /// File name of the division table, in the resources and in a data directory.
    package static let fileName = "divisions.tsv"
    /// Environment variable naming a directory whose files override the bundled ones.
    package static let dataDirectoryVariable = "BEIAN_DATA_DIR"

    /// The table shipped with the product (`Resources/divisions.tsv`).
    /// - Throws: `DivisionDataError` if the resource is missing, unreadable or malformed.
    package static func loadBundled() throws(DivisionDataError) -> DivisionRegistry {
        guard let url = Bundle.module.url(forResource: "divisions", withExtension: "tsv", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "divisions", withExtension: "tsv")
        else {
            throw DivisionDataError(code: "unreadable", message: "bundled resource Resources/\(fileName) not found")
        }
        return try load(contentsOf: url.path, source: "bundled")
    }

    /// The table in a file.
    /// - Parameters:
    ///   - path: the TSV file.
    ///   - source: what to record as `source` (default: the path).
    /// - Throws: `DivisionDataError` (`unreadable` with the system's message, or a parse error).
    package static func load(contentsOf path: String, source: String? = nil) throws(DivisionDataError) -> DivisionRegistry {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DivisionDataError(code: "unreadable", message: "cannot read \(path): \(error.localizedDescription)")
        }
        return try DivisionRegistry(tsv: text, source: source ?? path)
    }

    /// The table from a data directory when it holds `divisions.tsv`, otherwise the bundled one
    /// (a data directory may override only some files).
    /// - Parameter directory: the override directory, or `nil` for the bundled table.
    package static func load(dataDirectory directory: String?) throws(DivisionDataError) -> DivisionRegistry {
        if let directory, !directory.isEmpty {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: path) { return try load(contentsOf: path) }
        }
        return try loadBundled()
    }

    /// The table chosen by an environment: `BEIAN_DATA_DIR`'s file if present, else bundled.
    package static func load(environment: [String: String]) throws(DivisionDataError) -> DivisionRegistry {
        try load(dataDirectory: environment[dataDirectoryVariable])
    }

    /// The process's table, loaded once on first use (from `BEIAN_DATA_DIR` or the bundle).
    /// - Throws: the loading error, every time it is asked for, if loading failed.
    package static func standard() throws(DivisionDataError) -> DivisionRegistry {
        try standardResult.get()
    }

    private static let standardResult: Result<DivisionRegistry, DivisionDataError> = Result { () throws(DivisionDataError) in
        try load(environment: ProcessInfo.processInfo.environment)
    }
}
