import BeianRuntime
import Foundation

/// Latency samples and the percentiles the README reports.
struct LatencyRecorder {
    private(set) var samples: [UInt64] = []

    mutating func record(nanoseconds: UInt64) { samples.append(nanoseconds) }
    mutating func merge(_ other: LatencyRecorder) { samples.append(contentsOf: other.samples) }

    /// The p-th percentile in microseconds (p in 0...100).
    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let index = min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)
        return Double(sorted[max(0, index)]) / 1000
    }
}

/// Formats microseconds as "123 µs" or "4.56 ms".
func formatMicroseconds(_ value: Double) -> String {
    value >= 1000 ? String(format: "%.2f ms", value / 1000) : String(format: "%.0f µs", value)
}

/// Resident set size of a process in MB, from /proc/PID/status (VmRSS).
func residentMegabytes(pid: Int32) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

/// Resident memory of a process split into anonymous (heap, stacks) and file-backed (code and
/// data of the executable and shared libraries) parts, in MB, from /proc/PID/status.
func residentBreakdown(pid: Int32) -> (anonymous: Double, file: Double) {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return (0, 0) }
    func value(_ key: String) -> Double {
        for line in status.split(separator: "\n") where line.hasPrefix(key) {
            return (line.split(separator: " ").compactMap { Double($0) }.first ?? 0) / 1024
        }
        return 0
    }
    return (value("RssAnon:"), value("RssFile:") + value("RssShmem:"))
}

/// CPU time (user + system) of this process in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// CPU time of another process in seconds, from /proc/PID/stat (utime + stime).
func processCPUSeconds(pid: Int32) -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// Command-line options of the benchmark: `--name value`.
struct BenchmarkOptions {
    let values: [String: String]
    let positionals: [String]

    init(_ arguments: [String]) {
        var values: [String: String] = [:]
        var positionals: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--"), index + 1 < arguments.count {
                values[String(argument.dropFirst(2))] = arguments[index + 1]
                index += 2
            } else {
                positionals.append(argument)
                index += 1
            }
        }
        self.values = values
        self.positionals = positionals
    }

    func double(_ name: String, default fallback: Double) -> Double { values[name].flatMap(Double.init) ?? fallback }
    func int(_ name: String, default fallback: Int) -> Int { values[name].flatMap(Int.init) ?? fallback }
}
