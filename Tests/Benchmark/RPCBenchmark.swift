import BeianJSON
import BeianRPC
import BeianRuntime
import BeianTLS
import BenchmarkService
import Foundation
import Synchronization
import TestSupport

/// The RPC benchmark: a server in a child process (`beian-bench-server`, from the same build
/// directory: the RPC stack alone, without Foundation), clients here.
enum RPCBenchmark {
    static let service = BenchmarkEcho.serviceName

    /// The server child process.
    final class ServerProcess {
        let process = Process()
        let port: Int
        var pid: Int32 { process.processIdentifier }

        init(loops: Int) throws {
            let portFile = NSTemporaryDirectory() + "bench-port-\(getpid())-\(Int.random(in: 0..<1_000_000))"
            let directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            let executable = directory.appendingPathComponent("beian-bench-server")
            guard FileManager.default.isExecutableFile(atPath: executable.path) else {
                throw RPCError(.failedPrecondition, "\(executable.path) is missing: build it with "
                               + "swift build -c release --product beian-bench-server")
            }
            process.executableURL = executable
            let certificates = TestCertificates.shared
            process.arguments = [portFile, String(loops), certificates.server.certificate,
                                 certificates.server.privateKey, certificates.caFile]
            try process.run()
            var port = 0
            for _ in 0..<500 {
                if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    port = value
                    break
                }
                usleep(10_000)
            }
            try? FileManager.default.removeItem(atPath: portFile)
            guard port > 0 else { throw RPCError(.unavailable, "benchmark server did not start") }
            self.port = port
        }

        func stop() {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
    }

    static func client(port: Int, group: EventLoopGroup) throws -> RPCClient {
        let configuration = ClientConfiguration(
            host: "127.0.0.1", port: port,
            tls: TestCertificates.shared.clientConfiguration(identity: TestCertificates.shared.client, serverName: "127.0.0.1"))
        return try RPCClient(configuration: configuration, group: group)
    }

    /// Where the benchmark's calling tasks run.
    enum CallerPlacement: String, CaseIterable {
        /// On Swift's global concurrent pool (the default for any task): each response wakes a
        /// pool thread to resume its caller.
        case pool
        /// On the client's event loop (`Task(executorPreference: client.eventLoopExecutor())`):
        /// the thread that reads a response resumes its caller.
        case loop
    }

    /// Unary echo at each concurrency and connection count: calls/s and latency percentiles.
    static func unary(duration: Double, serverLoops: Int, connectionCounts: [Int] = [1, 4], callerCounts: [Int] = [1, 16, 64],
                      placements: [CallerPlacement] = CallerPlacement.allCases) async throws -> [String] {
        let server = try ServerProcess(loops: serverLoops)
        defer { server.stop() }
        let group = try EventLoopGroup(count: 1, name: "bench-client")
        defer { group.shutdown() }
        var lines = ["RPC unary echo, \(BenchmarkMessage.sampleSize)-byte JSON request and response, TLS 1.3 on loopback, server in its own process (\(serverLoops) loop thread); client in this process (1 loop thread)",
                     "| callers run on | connections | callers | calls/s | p50 | p99 | p99.9 | CPU/call (client+server) |",
                     "|---|---|---|---|---|---|---|---|"]
        for placement in placements {
            for connections in connectionCounts {
                let clients = try (0..<connections).map { _ in try client(port: server.port, group: group) }
                for client in clients { _ = try await client.unary("\(service)/Echo", request: BenchmarkMessage.sample(0), as: BenchmarkMessage.self) }
                for callers in callerCounts {
                    // Warm-up, then the measured run.
                    _ = try await run(clients: clients, callers: callers, seconds: min(1, duration / 3), placement: placement)
                    let cpuBefore = processCPUSeconds() + processCPUSeconds(pid: server.pid)
                    let (calls, elapsed, latencies) = try await run(clients: clients, callers: callers, seconds: duration, placement: placement)
                    let cpu = processCPUSeconds() + processCPUSeconds(pid: server.pid) - cpuBefore
                    lines.append("| \(placement == .pool ? "global pool" : "client loop") | \(connections) | \(callers) | \(Int(Double(calls) / elapsed)) | \(formatMicroseconds(latencies.percentile(50))) | \(formatMicroseconds(latencies.percentile(99))) | \(formatMicroseconds(latencies.percentile(99.9))) | \(String(format: "%.0f µs", cpu / Double(calls) * 1e6)) |")
                }
                for client in clients { client.close() }
            }
        }
        return lines
    }

    static func run(clients: [RPCClient], callers: Int, seconds: Double, placement: CallerPlacement = .pool) async throws -> (Int, Double, LatencyRecorder) {
        let start = Monotonic.nanoseconds()
        let end = start + UInt64(seconds * 1e9)
        let message = BenchmarkMessage.sample(1)
        let results = try await withThrowingTaskGroup(of: LatencyRecorder.self) { group in
            for caller in 0..<callers {
                let client = clients[caller % clients.count]
                let executor = placement == .loop ? try client.eventLoopExecutor() : nil
                group.addTask(executorPreference: executor) {
                    var recorder = LatencyRecorder()
                    while Monotonic.nanoseconds() < end {
                        let before = Monotonic.nanoseconds()
                        _ = try await client.unary("\(service)/Echo", request: message, as: BenchmarkMessage.self)
                        recorder.record(nanoseconds: Monotonic.nanoseconds() - before)
                    }
                    return recorder
                }
            }
            var all = LatencyRecorder()
            for try await recorder in group { all.merge(recorder) }
            return all
        }
        let elapsed = Double(Monotonic.nanoseconds() - start) / 1e9
        return (results.samples.count, elapsed, results)
    }

    /// Full TLS 1.3 handshakes (mutual TLS, P-256) per second: new connection + first call.
    static func handshakes(count: Int, concurrency: Int, serverLoops: Int) async throws -> [String] {
        let server = try ServerProcess(loops: serverLoops)
        defer { server.stop() }
        let group = try EventLoopGroup(count: 1, name: "bench-client")
        defer { group.shutdown() }
        let counter = Counter()
        let port = server.port
        let configuration = ClientConfiguration(
            host: "127.0.0.1", port: port,
            tls: TestCertificates.shared.clientConfiguration(identity: TestCertificates.shared.client, serverName: "127.0.0.1"))
        let context = try TLSContext(configuration.tls)
        let start = Monotonic.nanoseconds()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for _ in 0..<concurrency {
                tasks.addTask {
                    while counter.next() < count {
                        let client = RPCClient(configuration: configuration, tlsContext: context, group: group)
                        _ = try await client.unaryJSON("grpc.health.v1.Health/Check", message: ["service": ""])
                        client.close()
                    }
                }
            }
            try await tasks.waitForAll()
        }
        let elapsed = Double(Monotonic.nanoseconds() - start) / 1e9
        return ["TLS 1.3 handshakes (mutual TLS, P-256) + first call: \(Int(Double(count) / elapsed))/s over \(count) connections, \(concurrency) at a time"]
    }

    /// Server memory: idle, then holding `count` idle TLS connections.
    static func memory(count: Int, serverLoops: Int) async throws -> [String] {
        let server = try ServerProcess(loops: serverLoops)
        defer { server.stop() }
        try await Task.sleep(for: .milliseconds(300))
        let idle = residentMegabytes(pid: server.pid)
        let idleParts = residentBreakdown(pid: server.pid)
        let group = try EventLoopGroup(count: 1, name: "bench-client")
        defer { group.shutdown() }
        var clients: [RPCClient] = []
        let port = server.port
        for batch in stride(from: 0, to: count, by: 50) {
            let made = try await withThrowingTaskGroup(of: RPCClient.self) { tasks in
                for _ in batch..<min(count, batch + 50) {
                    tasks.addTask {
                        let client = try client(port: port, group: group)
                        _ = try await client.unaryJSON("grpc.health.v1.Health/Check", message: ["service": ""])
                        return client
                    }
                }
                var made: [RPCClient] = []
                for try await client in tasks { made.append(client) }
                return made
            }
            clients.append(contentsOf: made)
        }
        try await Task.sleep(for: .milliseconds(500))
        let loaded = residentMegabytes(pid: server.pid)
        for client in clients { client.close() }
        return [String(format: "Server RSS: %.1f MB idle (%.1f MB heap and stacks, %.1f MB code and data of the executable and shared libraries); %.1f MB with %d idle TLS connections (%.1f KB each)",
                       idle, idleParts.anonymous, idleParts.file, loaded, count, (loaded - idle) * 1024 / Double(count))]
    }
}

/// A shared counter for benchmark workers.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}
