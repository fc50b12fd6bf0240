import BeianStore
import Foundation

/// Durable, acknowledged inserts of ~1 KiB filing rows into a fresh temp database, at several
/// numbers of concurrent writers: rows per second and p50/p99 acknowledgement latency.
///
/// Every row counted was committed with `synchronous = FULL` in WAL mode (fsynced) before its
/// writer was answered; group commit shares one transaction and one fsync among concurrent writers.
/// - Parameters:
///   - writerCounts: concurrency levels to measure, one fresh database each.
///   - duration: how long each level runs.
///   - withAudit: also append a hash-chained audit entry in each write (as services do).
/// - Returns: one line per level, for the README's figures.
func runStoreBenchmark(
    writerCounts: [Int] = [1, 16, 64], duration: Duration = .seconds(3), withAudit: Bool = false
) async throws -> [String] {
    var lines: [String] = []
    for writers in writerCounts {
        lines.append(try await StoreBenchmark.measure(writers: writers, duration: duration, withAudit: withAudit))
    }
    return lines
}

/// One level of the store benchmark.
enum StoreBenchmark {
    static let migrations = [
        AuditLog.migration,
        Migration("bench.v1.filing", sql: """
            CREATE TABLE filing (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                operator TEXT NOT NULL,
                record TEXT NOT NULL,
                created_at_ms INTEGER NOT NULL
            ) STRICT
            """),
    ]

    /// About 1 KiB of filing record as JSON text with Chinese content.
    static let record: String = {
        var text = #"{"类型":"网站","名称":"商洛市某某信息服务有限公司门户网站","域名":"example.cn","负责人":"张**","#
        text += #""地址":"陕西省商洛市商州区北新街","说明":""#
        while text.utf8.count < 1000 { text += "互联网信息服务备案材料" }
        return text + #""}"#
    }()

    static func measure(writers: Int, duration: Duration, withAudit: Bool) async throws -> String {
        let directory = NSTemporaryDirectory() + "beian-store-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try await Store.open(path: directory + "/bench.sqlite", migrations: migrations)
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + duration
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for writer in 0..<writers {
                group.addTask { try await insertUntil(deadline, writer: writer, store: store, withAudit: withAudit) }
            }
            var all: [Duration] = []
            for try await part in group { all += part }
            return all.sorted()
        }
        let elapsed = clock.now - start
        let statistics = store.statistics
        await store.close()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(latencies.count) / seconds
        let batch = Double(statistics.writesCommitted) / Double(max(1, statistics.transactionsCommitted))
        return String(
            format: "store durable insert%@ %3d writers: %8.0f rows/s  p50 %6.2f ms  p99 %6.2f ms  %5.1f writes/commit  (%d rows)",
            withAudit ? "+audit" : "", writers, rate, milliseconds(percentile(latencies, 0.50)),
            milliseconds(percentile(latencies, 0.99)), batch, latencies.count)
    }

    /// One writer: inserts rows until the deadline, returning each write's acknowledgement latency.
    static func insertUntil(_ deadline: ContinuousClock.Instant, writer: Int, store: Store, withAudit: Bool) async throws -> [Duration] {
        let clock = ContinuousClock()
        var latencies: [Duration] = []
        var sequence = 0
        while clock.now < deadline {
            let number = "陕ICP备\(writer)-\(sequence)号"
            sequence += 1
            let began = clock.now
            try await store.write { db in
                try db.execute(
                    "INSERT INTO filing (number, operator, record, created_at_ms) VALUES (?, ?, ?, ?)",
                    [number, "operator-\(writer)", record, Int64(Date().timeIntervalSince1970 * 1000)])
                if withAudit {
                    try db.appendAudit(
                        actor: "operator-\(writer)", action: "filing.submit", subject: "filing:\(number)",
                        details: "{}", at: Date())
                }
            }
            latencies.append(clock.now - began)
        }
        return latencies
    }

    static func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
        guard !sorted.isEmpty else { return .zero }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
