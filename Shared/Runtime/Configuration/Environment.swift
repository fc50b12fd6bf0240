import FoundationEssentials

/// Configuration read from environment variables (or a dictionary, in tests).
///
/// Every service reads its settings once at start through this type; a missing or malformed
/// setting fails start-up with a `ConfigurationError` naming the variable and what it must be.
package struct Environment: Sendable {
    package let values: [String: String]

    /// The process environment.
    package static var process: Environment { Environment(ProcessInfo.processInfo.environment) }

    package init(_ values: [String: String]) {
        self.values = values
    }

    /// The value of `name`, or nil when unset or empty.
    package func get(_ name: String) -> String? {
        guard let value = values[name].map(Self.trimmingSpaces), !value.isEmpty else { return nil }
        return value
    }

    package func get(_ name: String, default fallback: String) -> String {
        get(name) ?? fallback
    }

    /// The value of `name`; throws if it is unset.
    package func require(_ name: String) throws(ConfigurationError) -> String {
        guard let value = get(name) else { throw ConfigurationError(variable: name, rule: "is required but not set") }
        return value
    }

    /// An integer setting within `range`, or `fallback` when unset.
    package func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int> = Int.min...Int.max) throws(ConfigurationError) -> Int {
        guard let text = get(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(variable: name, rule: "must be a whole number in \(range.lowerBound)...\(range.upperBound), got \"\(text)\"")
        }
        return value
    }

    /// A duration in milliseconds (e.g. `BEIAN_IDLE_TIMEOUT_MS=30000`), or `fallback` when unset.
    package func milliseconds(_ name: String, default fallback: Duration) throws(ConfigurationError) -> Duration {
        guard let text = get(name) else { return fallback }
        guard let value = Int64(text), value >= 0 else {
            throw ConfigurationError(variable: name, rule: "must be a number of milliseconds (0 or more), got \"\(text)\"")
        }
        return .milliseconds(value)
    }

    /// A boolean setting: 1/true/yes/on or 0/false/no/off.
    package func flag(_ name: String, default fallback: Bool) throws(ConfigurationError) -> Bool {
        guard let text = get(name)?.lowercased() else { return fallback }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigurationError(variable: name, rule: "must be true or false, got \"\(text)\"")
        }
    }

    /// A path to a file that must exist.
    package func existingFile(_ name: String) throws(ConfigurationError) -> String {
        let path = try require(name)
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory else {
            throw ConfigurationError(variable: name, rule: "must name an existing file, but \(path) does not exist")
        }
        return path
    }

    /// `text` without leading and trailing spaces and tabs (Unicode category Zs and U+0009, the set
    /// Foundation calls `.whitespaces`); line breaks are kept.
    private static func trimmingSpaces(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

/// A setting that is missing or malformed: which variable, and what it must be.
package struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    package var variable: String
    package var rule: String

    package init(variable: String, rule: String) {
        self.variable = variable
        self.rule = rule
    }

    package var description: String { "configuration: \(variable) \(rule)" }
}
