import BeianJSON
import Glibc
import Synchronization

/// Where log records go. Handlers must be cheap and must never block the caller for I/O.
package protocol LogHandler: Sendable {
    func write(_ record: LogRecord)
}

/// Drops every record.
package struct DiscardingLogHandler: LogHandler {
    package init() {}
    package func write(_ record: LogRecord) {}
}

/// Writes one JSON object per line: `{"time":..., "level":..., "label":..., "message":..., <metadata>}`.
///
/// Formatting happens on the caller's thread; the write itself is done by a background
/// `LineWriter` thread, so a slow or full stderr pipe never stalls an event loop or the
/// cooperative pool (lines beyond the queue's bound are counted and dropped instead).
package struct JSONLinesLogHandler: LogHandler {
    private let writer: LineWriter

    /// A handler writing to standard error.
    package static let standardError = JSONLinesLogHandler(writer: LineWriter(fileDescriptor: 2))

    package init(writer: LineWriter) {
        self.writer = writer
    }

    package func write(_ record: LogRecord) {
        writer.enqueue(Self.format(record))
    }

    /// Blocks until queued lines are written (call at process exit).
    package func flush() { writer.flush() }

    package static func format(_ record: LogRecord) -> [UInt8] {
        var object = JSONObject(minimumCapacity: 4 + record.metadata.count)
        object["time"] = .string(ISO8601Time.format(record.time))
        object["level"] = .string(record.level.description)
        object["label"] = .string(record.label)
        object["message"] = .string(record.message)
        for key in record.metadata.keys.sorted() where object[key] == nil {
            object[key] = record.metadata[key]!.redacted
        }
        var writer = JSONWriter(capacity: 256)
        try? writer.write(.object(object))
        var bytes = writer.bytes
        bytes.append(0x0A)
        return bytes
    }
}

/// Collects records in memory, for tests that assert on what was logged.
package final class InMemoryLogHandler: LogHandler {
    private let records = Mutex<[LogRecord]>([])

    package init() {}

    package func write(_ record: LogRecord) {
        records.withLock { $0.append(record) }
    }

    package var entries: [LogRecord] { records.withLock { $0 } }

    /// Every record rendered as its JSON line would be (sensitive values masked).
    package var lines: [String] {
        entries.map { String(decoding: JSONLinesLogHandler.format($0).dropLast(), as: UTF8.self) }
    }
}
