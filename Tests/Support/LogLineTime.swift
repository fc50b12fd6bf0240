import BeianJSON

/// Times read from our JSON log lines, for tests that must reason on when a service did
/// something rather than on when the test process got to see it.
package enum LogLineTime {
    /// The millisecond of the day of a line's `"time"` (`...T13:55:46.748Z`), or nil.
    package static func millisecondOfDay(_ line: String) -> Int? {
        guard let value = try? JSONParser.parse(Array(line.utf8)), let time = value["time"]?.stringValue,
              let clock = time.split(separator: "T").last?.dropLast() else { return nil }
        let parts = clock.split(separator: ":")
        guard parts.count == 3, let hours = Int(parts[0]), let minutes = Int(parts[1]), let seconds = Double(parts[2]) else {
            return nil
        }
        return (hours * 3600 + minutes * 60) * 1000 + Int((seconds * 1000).rounded())
    }
}
