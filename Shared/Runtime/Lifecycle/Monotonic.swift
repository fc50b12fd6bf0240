import Glibc

/// Monotonic time in nanoseconds (CLOCK_MONOTONIC), for timers, deadlines and latency figures.
/// Wall-clock time is never used to measure intervals.
package enum Monotonic {
    @inline(__always)
    package static func nanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}

extension Duration {
    /// The duration in whole nanoseconds (saturating at Int64 range).
    package var nanosecondsValue: Int64 {
        let (seconds, attoseconds) = components
        let (ns, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return ns &+ attoseconds / 1_000_000_000
    }

    /// The duration in milliseconds as a double, for logs.
    package var milliseconds: Double {
        Double(nanosecondsValue) / 1_000_000
    }
}
