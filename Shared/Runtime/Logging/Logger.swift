import BeianJSON
import FoundationEssentials

/// A structured logger: a value passed to whatever needs to log (libraries never make their own),
/// carrying a label and metadata that every record includes, writing through a `LogHandler`.
///
/// Records are one JSON object per line (see `JSONLinesLogHandler`). Values marked `.sensitive`
/// (ID numbers, mobiles) are masked by the handler, never written whole.
package struct Logger: Sendable {
    /// Severity, lowest first.
    package enum Level: Int, Comparable, Sendable, CaseIterable, CustomStringConvertible {
        case trace, debug, info, notice, warning, error, critical

        package static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        package var description: String {
            switch self {
            case .trace: "trace"
            case .debug: "debug"
            case .info: "info"
            case .notice: "notice"
            case .warning: "warning"
            case .error: "error"
            case .critical: "critical"
            }
        }

        /// Parses a level name as given in configuration ("info", "DEBUG"), nil if unknown.
        package init?(name: String) {
            guard let level = Level.allCases.first(where: { $0.description == name.lowercased() }) else { return nil }
            self = level
        }
    }

    package var label: String
    package var metadata: [String: LogValue]
    package var minimumLevel: Level
    package let handler: any LogHandler

    package init(label: String, handler: any LogHandler, minimumLevel: Level = .info, metadata: [String: LogValue] = [:]) {
        self.label = label
        self.handler = handler
        self.minimumLevel = minimumLevel
        self.metadata = metadata
    }

    /// A logger that discards everything (for code paths and tests that do not care).
    package static let disabled = Logger(label: "disabled", handler: DiscardingLogHandler(), minimumLevel: .critical)

    /// A copy carrying one more metadata entry on every record.
    package func with(_ key: String, _ value: LogValue) -> Logger {
        var copy = self
        copy.metadata[key] = value
        return copy
    }

    package func isEnabled(_ level: Level) -> Bool { level >= minimumLevel }

    package func log(_ level: Level, _ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) {
        guard level >= minimumLevel else { return }
        var merged = self.metadata
        for (key, value) in metadata { merged[key] = value }
        handler.write(LogRecord(time: Date(), level: level, label: label, message: message(), metadata: merged))
    }

    package func trace(_ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) { log(.trace, message(), metadata) }
    package func debug(_ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) { log(.debug, message(), metadata) }
    package func info(_ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) { log(.info, message(), metadata) }
    package func notice(_ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) { log(.notice, message(), metadata) }
    package func warning(_ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) { log(.warning, message(), metadata) }
    package func error(_ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) { log(.error, message(), metadata) }
    package func critical(_ message: @autoclosure () -> String, _ metadata: [String: LogValue] = [:]) { log(.critical, message(), metadata) }
}

/// One log record as handed to a handler.
package struct LogRecord: Sendable {
    package var time: Date
    package var level: Logger.Level
    package var label: String
    package var message: String
    package var metadata: [String: LogValue]
}

/// A metadata value: plain JSON, or a sensitive string that handlers must mask.
package enum LogValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    case plain(JSONValue)
    /// Personal information (ID number, mobile): written masked, first 3 and last 4 characters kept.
    case sensitive(String)

    package init(stringLiteral value: String) { self = .plain(.string(value)) }
    package init(integerLiteral value: Int64) { self = .plain(.int(value)) }
    package init(booleanLiteral value: Bool) { self = .plain(.bool(value)) }

    package static func string(_ value: String) -> LogValue { .plain(.string(value)) }
    package static func int<I: BinaryInteger>(_ value: I) -> LogValue { .plain(.int(Int64(value))) }
    package static func double(_ value: Double) -> LogValue { .plain(value.isFinite ? .double(value) : .null) }

    /// The value as it may appear in a log: sensitive strings masked.
    package var redacted: JSONValue {
        switch self {
        case .plain(let value): return value
        case .sensitive(let text): return .string(Self.mask(text))
        }
    }

    /// Keeps the first 3 and last 4 characters of `text`, masking the rest with '*'
    /// (fully masked when 7 characters or fewer).
    package static func mask(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count > 7 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 7) + String(characters.suffix(4))
    }
}
