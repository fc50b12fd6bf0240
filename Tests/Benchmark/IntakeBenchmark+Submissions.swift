import BeianModel
import BeianRPC
import BeianRuntime
import Foundation
import IntakeService
import Synchronization
import TestSupport

extension IntakeBenchmark {
    /// Submissions acknowledged per second at `clients` concurrent clients (one TLS connection
    /// each), each a new Shangluo filing with valid identity numbers, durable before the receipt.
    /// With `count` > 0, the measured part is exactly `count` submissions (spread over the
    /// clients) instead of `duration` seconds: for profiles that count instructions.
    /// With `callersOnLoop`, the clients' tasks prefer their connections' event loop (as in the RPC
    /// benchmark's `--callers-on loop`), instead of Swift's global pool.
    static func submissions(duration: Double, clients: Int, intakeLoops: Int, count: Int = 0,
                            callersOnLoop: Bool = false) async throws -> [String] {
        let root = try TemporaryDirectory(prefix: "bench-intake")
        defer { root.remove() }
        let identity = try await start("identity", state: root.file("identity"), extra: [:])
        defer { kill(identity.process.pid, SIGTERM) }
        let profiled = !launcher("intake").isEmpty
        let intake = try await start("intake", state: root.file("intake"), extra: [
            "BEIAN_IDENTITY_ADDRESS": identity.address, "BEIAN_TODAY": today, "BEIAN_LOOPS": String(intakeLoops),
        ])
        defer { kill(intake.process.pid, SIGTERM) }
        let group = try EventLoopGroup(count: 1, name: "bench-intake-client")
        defer { group.shutdown() }
        let connections = try (0..<clients).map { _ in try client(port: intake.port, staff: false, group: group) }
        let counter = Counter()
        // Connect every client, then warm up.
        _ = try await burst(connections, counter: counter, seconds: 0, callersOnLoop: callersOnLoop)
        _ = try await burst(connections, counter: counter, seconds: profiled ? 0 : min(2, duration / 2),
                            callersOnLoop: callersOnLoop)
        let pids = [intake.process.pid, identity.process.pid]
        let before = [processCPUSeconds()] + pids.map { processCPUSeconds(pid: $0) }
        let result = try await burst(connections, counter: counter, seconds: duration,
                                     callsEach: count > 0 ? max(1, count / clients) : nil, callersOnLoop: callersOnLoop)
        let after = [processCPUSeconds()] + pids.map { processCPUSeconds(pid: $0) }
        let spent = zip(after, before).map { $0 - $1 }
        let cpu = spent.reduce(0, +)
        for connection in connections { connection.close() }
        if profiled { _ = await intake.terminate(timeout: 600) }  // lets the profiler write its output
        let calls = result.latencies.samples.count
        func perCall(_ seconds: Double) -> String { String(format: "%.0f µs", seconds / Double(max(1, calls)) * 1e6) }
        return [
            "Intake SubmitFiling over TLS 1.3 on loopback: \(clients) clients (one connection each), each call a new "
                + "filing (Shangluo, individual Douyin account), durable (SQLite WAL, group commit) before the receipt, "
                + "identity numbers checked by the identity service (VerifyBatch over mutual TLS); intake (\(intakeLoops) "
                + "loop threads) and identity run as processes with the executables' code; clients in this process",
            "| clients | submissions/s | p50 | p99 | p99.9 | verified / pending | CPU per submission: all (clients, intake, identity) |",
            "|---|---|---|---|---|---|---|",
            "| \(clients) | \(Int(Double(calls) / result.elapsed)) | \(formatMicroseconds(result.latencies.percentile(50))) "
                + "| \(formatMicroseconds(result.latencies.percentile(99))) "
                + "| \(formatMicroseconds(result.latencies.percentile(99.9))) | \(result.verified) / \(result.pending) "
                + "| \(perCall(cpu)) (\(perCall(spent[0])), \(perCall(spent[1])), \(perCall(spent[2]))) |",
        ]
    }

    private struct Burst {
        var latencies = LatencyRecorder()
        var elapsed = 0.0
        var verified = 0
        var pending = 0
    }

    /// Every client submits new filings back to back for `seconds` (at least one each), or
    /// exactly `callsEach` times.
    private static func burst(_ connections: [RPCClient], counter: Counter, seconds: Double,
                              callsEach: Int? = nil, callersOnLoop: Bool = false) async throws -> Burst {
        let start = Monotonic.nanoseconds()
        let end = start + UInt64(seconds * 1e9)
        var total = try await withThrowingTaskGroup(of: Burst.self) { group in
            for connection in connections {
                let executor = callersOnLoop ? try connection.eventLoopExecutor() : nil
                group.addTask(executorPreference: executor) {
                    var mine = Burst()
                    var made = 0
                    repeat {
                        let form = form(counter.next())
                        let before = Monotonic.nanoseconds()
                        let receipt = try await connection.unary(IntakeService.name + "/SubmitFiling", request: form,
                                                                 as: SubmissionReceipt.self)
                        mine.latencies.record(nanoseconds: Monotonic.nanoseconds() - before)
                        if receipt.verification == .verified { mine.verified += 1 } else { mine.pending += 1 }
                        made += 1
                    } while callsEach.map { made < $0 } ?? (Monotonic.nanoseconds() < end)
                    return mine
                }
            }
            var all = Burst()
            for try await part in group {
                all.latencies.merge(part.latencies)
                all.verified += part.verified
                all.pending += part.pending
            }
            return all
        }
        total.elapsed = Double(Monotonic.nanoseconds() - start) / 1e9
        return total
    }

    /// The `index`-th form: an individual's Douyin account in Shangluo, unique name and number.
    static func form(_ index: Int) -> FilingSubmission {
        let birth = IdentityDate(year: 1960 + index % 40, month: 1 + index / 40 % 12, day: 1 + index / 480 % 28)!
        let id = IdentityGenerator.residentID(region: 611002, birth: birth, sequence: index / 13_440 % 1000)
        let mobile = "139" + String(format: "%08d", index % 100_000_000)
        return FilingSubmission(
            operator: OperatorInput(kind: "individual", name: "商洛用户\(index)", idNumber: id, mobile: mobile),
            object: ObjectInput(kind: "account", name: "商洛生活\(index)", platform: "douyin", accountId: "sl\(index)",
                                businessScope: ["social_information"], forms: ["video"], registrationDate: "2021-05-01",
                                followers: 1000 + index % 50_000,
                                administrators: [AdministratorInput(name: "商洛用户", mobile: mobile)]))
    }
}
