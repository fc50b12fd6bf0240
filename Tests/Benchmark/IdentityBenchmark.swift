import BeianJSON
import BeianModel
import BeianReferenceData
import BeianRPC
import BeianRuntime
import BeianTLS
import Foundation
import IdentityService
import TestSupport

/// The identity figures: validations per second on one core, in process, and the round trip of a
/// 10,000-number batch over mutual TLS.
///
/// Wiring (in main.swift): `emit(try IdentityBenchmark.validation(seconds: duration))` and
/// `emit(try await IdentityBenchmark.batch(rounds: options.int("rounds", default: 100), serverLoops: loops))`.
enum IdentityBenchmark {
    /// Resident identity numbers and credit codes per second, `verdict` and full `validate`, on
    /// the calling thread (one core); each figure is measured for `seconds`.
    static func validation(seconds: Double) throws -> [String] {
        let divisions = try DivisionRegistry.loadBundled()
        let validator = IdentityValidator(divisions: divisions)
        let today = IdentityDate(year: 2025, month: 6, day: 1)!
        let residents = IdentityBenchmarkCorpus.residentIDs(count: 100_000, seed: 1)
        let credits = IdentityBenchmarkCorpus.creditCodes(count: 100_000, seed: 2)
        let mixed = IdentityBenchmarkCorpus.generate(count: 100_000, seed: 3)
        let perSecond = { (corpus: [String], body: (String) -> Bool) -> Double in
            rate(corpus, seconds: seconds, body)
        }
        let residentVerdict = perSecond(residents) { validator.verdict($0, today: today).valid }
        let residentFull = perSecond(residents) { validator.validate($0, today: today).valid }
        let residentClean = residents.filter { validator.validate($0, today: today).normalized == $0 }
        let residentCleanFull = perSecond(residentClean) { validator.validate($0, today: today).valid }
        let residentValid = residents.filter { validator.validate($0, today: today).valid }
        let residentInvalid = residents.filter { !validator.validate($0, today: today).valid }
        let residentValidFull = perSecond(residentValid) { validator.validate($0, today: today).valid }
        let residentInvalidFull = perSecond(residentInvalid) { validator.validate($0, today: today).valid }
        let creditVerdict = perSecond(credits) { validator.verdict($0, today: today).valid }
        let creditFull = perSecond(credits) { validator.validate($0, today: today).valid }
        let mixedFull = perSecond(mixed) { validator.validate($0, today: today).valid }
        let service = IdentityService(divisions: divisions, today: { today })
        let encode = perSecond(mixed) { service.verifyJSON($0)["valid"] == true }
        func format(_ value: Double) -> String { String(format: "%.2f M/s (%.0f ns each)", value / 1e6, 1e9 / value) }
        return [
            "Identity validation in process, one core, per second of thread CPU time (corpus: 88% valid resident IDs with typing variants; 80% valid credit codes):",
            "| what | verdict (kind + valid) | validate (reasons + facts) |",
            "|---|---|---|",
            "| resident identity numbers | \(format(residentVerdict)) | \(format(residentFull)) |",
            "| resident identity numbers, canonical input only | | \(format(residentCleanFull)) |",
            "| resident identity numbers, valid ones / invalid ones | | \(format(residentValidFull)) / \(format(residentInvalidFull)) |",
            "| unified social credit codes | \(format(creditVerdict)) | \(format(creditFull)) |",
            "| mixed kinds (the batch corpus) | | \(format(mixedFull)); + JSON result value \(format(encode)) |",
        ]
    }

    /// Calls per second of `body` over `corpus`, repeated for `seconds` after a short warm-up;
    /// seconds of this thread's CPU time (on a shared machine, wall time also counts the time
    /// other processes had the core).
    static func rate(_ corpus: [String], seconds: Double, _ body: (String) -> Bool) -> Double {
        var sink = 0
        for value in corpus.prefix(10_000) where body(value) { sink &+= 1 }
        var calls = 0
        let start = threadCPUNanoseconds()
        let end = start + UInt64(seconds * 1e9)
        repeat {
            for value in corpus where body(value) { sink &+= 1 }
            calls += corpus.count
        } while threadCPUNanoseconds() < end
        let elapsed = Double(threadCPUNanoseconds() - start) / 1e9
        if sink == -1 { print(sink) }
        return Double(calls) / elapsed
    }

    /// CPU time of the calling thread.
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Round trips of one `VerifyBatch` call of 10,000 mixed numbers over mutual TLS on loopback,
    /// one call at a time: p50 / p99, as raw JSON and decoded into `IdentityBatchResponse`.
    /// The server is the built `identity` executable when it sits next to this one, otherwise an
    /// in-process server with `serverLoops` event-loop threads.
    static func batch(rounds: Int, serverLoops: Int) async throws -> [String] {
        let server = try await BatchServer.start(loops: serverLoops)
        do {
            let lines = try await batch(rounds: rounds, server: server)
            await server.stop()
            return lines
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func batch(rounds: Int, server: BatchServer) async throws -> [String] {
        let group = try EventLoopGroup(count: 1, name: "bench-client")
        defer { group.shutdown() }
        var configuration = ClientConfiguration(
            host: "127.0.0.1", port: server.port,
            tls: TestCertificates.shared.clientConfiguration(
                identity: try TestCertificates.shared.serviceCertificate(name: "intake"), serverName: "127.0.0.1"))
        configuration.defaultTimeout = .seconds(60)
        let client = try RPCClient(configuration: configuration, group: group)
        defer { client.close() }

        let values = IdentityBenchmarkCorpus.generate(count: IdentityAPI.maximumBatchItems, seed: 2025)
        let items = values.enumerated().map { IdentityBatchItem(kind: "auto", value: $1, ref: "row \($0 + 1)") }
        let message = try JSONCoding.encodeValue(IdentityBatchRequest(items: items))
        let requestBytes = try JSONWriter.serialize(message).count
        let first = try await client.unaryJSON(IdentityAPI.verifyBatch, message: message)
        let responseBytes = try JSONWriter.serialize(first.message).count
        for _ in 0..<3 { _ = try await client.unaryJSON(IdentityAPI.verifyBatch, message: message) }

        var raw = LatencyRecorder(), decoded = LatencyRecorder()
        let cpuBefore = processCPUSeconds() + server.cpuSeconds
        // Timed until the answer is in hand; freeing it afterwards is the caller's own business
        // (about 3 ms for the full form's tree) and stays outside.
        for _ in 0..<rounds {
            let start = Monotonic.nanoseconds()
            let answer = try await client.unaryJSON(IdentityAPI.verifyBatch, message: message)
            raw.record(nanoseconds: Monotonic.nanoseconds() - start)
            withExtendedLifetime(answer) {}
        }
        let cpu = processCPUSeconds() + server.cpuSeconds - cpuBefore
        let compactMessage = try JSONCoding.encodeValue(IdentityBatchRequest(items: items, detail: .compact))
        let compactBytes = try JSONWriter.serialize(try await client.unaryJSON(IdentityAPI.verifyBatch, message: compactMessage).message).count
        var compact = LatencyRecorder()
        for _ in 0..<rounds {
            let start = Monotonic.nanoseconds()
            let answer = try await client.unaryJSON(IdentityAPI.verifyBatch, message: compactMessage)
            compact.record(nanoseconds: Monotonic.nanoseconds() - start)
            withExtendedLifetime(answer) {}
        }
        for _ in 0..<max(1, rounds / 4) {
            let start = Monotonic.nanoseconds()
            let answer = try await client.unary(IdentityAPI.verifyBatch, request: IdentityBatchRequest(items: items),
                                                as: IdentityBatchResponse.self)
            decoded.record(nanoseconds: Monotonic.nanoseconds() - start)
            withExtendedLifetime(answer) {}
        }
        let steps = try await breakdown(message)
        return [
            "Identity VerifyBatch, 10,000 mixed numbers per call, mutual TLS 1.3 on loopback, \(server.description):",
            "request \(requestBytes / 1024) KB, response \(responseBytes / 1024) KB of JSON (detail compact: \(compactBytes / 1024) KB); \(rounds) calls one at a time",
            "| client side | p50 | p99 | CPU per call (client+server) |",
            "|---|---|---|---|",
            "| full, JSON value (encode, TLS, parse) | \(formatMicroseconds(raw.percentile(50))) | \(formatMicroseconds(raw.percentile(99))) | \(String(format: "%.1f ms", cpu / Double(rounds) * 1000)) |",
            "| detail compact, JSON value | \(formatMicroseconds(compact.percentile(50))) | \(formatMicroseconds(compact.percentile(99))) | |",
            "| full, typed request and response (Codable) | \(formatMicroseconds(decoded.percentile(50))) | \(formatMicroseconds(decoded.percentile(99))) | |",
            steps,
        ]
    }

    /// Where the time of one batch goes, each step alone on one core (medians of 10, in ms).
    static func breakdown(_ message: JSONValue) async throws -> String {
        let service = IdentityService(divisions: try DivisionRegistry.loadBundled())
        let requestBytes = try JSONWriter.serialize(message)
        let response = try await service.verifyBatch(message).response
        let responseBytes = try JSONWriter.serialize(response)
        func median(_ body: () throws -> Void) rethrows -> Double {
            var samples: [Double] = []
            for _ in 0..<10 {
                let start = Monotonic.nanoseconds()
                try body()
                samples.append(Double(Monotonic.nanoseconds() - start) / 1e6)
            }
            return samples.sorted()[5]
        }
        let writeRequest = try median { _ = try JSONWriter.serialize(message) }
        let parseRequest = try median { _ = try JSONParser.parse(requestBytes) }
        var answers: [Double] = []
        for _ in 0..<10 {
            let start = Monotonic.nanoseconds()
            _ = try await service.verifyBatch(message)
            answers.append(Double(Monotonic.nanoseconds() - start) / 1e6)
        }
        let answer = answers.sorted()[5]
        var bytesAnswers: [Double] = []
        let cpuBefore = processCPUSeconds()
        for _ in 0..<10 {
            let start = Monotonic.nanoseconds()
            _ = try await service.verifyBatchBytes(message)
            bytesAnswers.append(Double(Monotonic.nanoseconds() - start) / 1e6)
        }
        let bytesAnswer = bytesAnswers.sorted()[5]
        let bytesCPU = (processCPUSeconds() - cpuBefore) * 100  // ms per call (10 calls)
        let writeResponse = try median { _ = try JSONWriter.serialize(response) }
        let parseResponse = try median { _ = try JSONParser.parse(responseBytes) }
        let decode = try median { _ = try JSONCoding.decode(IdentityBatchResponse.self, from: response) }
        return String(format: "steps (ms, one core): write request %.1f, parse request %.1f, check and build answer %.1f, "
                      + "write answer %.1f (served: check and write answer bytes %.1f, CPU %.1f), parse answer %.1f (typed decode +%.1f)",
                      writeRequest, parseRequest, answer, writeResponse, bytesAnswer, bytesCPU, parseResponse, decode)
    }
}

/// The benchmark's identity server: the `identity` executable if built, else in process.
private final class BatchServer {
    let port: Int
    let description: String
    private let process: ServiceProcess?
    private let inProcess: TestServer?
    private let state: TemporaryDirectory?

    private init(port: Int, description: String, process: ServiceProcess?, inProcess: TestServer?, state: TemporaryDirectory?) {
        self.port = port
        self.description = description
        self.process = process
        self.inProcess = inProcess
        self.state = state
    }

    static func start(loops: Int) async throws -> BatchServer {
        if (try? ServiceProcess.executable("identity")) != nil {
            let state = try TemporaryDirectory(prefix: "bench-identity")
            let environment = try ServiceEnvironment.make(service: "identity", stateDirectory: state.path,
                                                          extra: ["BEIAN_LOOPS": String(loops), "BEIAN_LOG_LEVEL": "warning"])
            let process = try await ServiceProcess("identity", environment: environment)
            return BatchServer(port: process.port, description: "server: the identity process (\(loops) loop thread)",
                               process: process, inProcess: nil, state: state)
        }
        let service = IdentityService(divisions: try DivisionRegistry.loadBundled())
        let server = try await TestServer.start(services: [service.rpcService]) { $0.loopCount = loops }
        return BatchServer(port: server.address.port, description: "server in process (\(loops) loop thread)",
                           process: nil, inProcess: server, state: nil)
    }

    var cpuSeconds: Double { process.map { processCPUSeconds(pid: $0.process.pid) } ?? 0 }

    func stop() async {
        if let process { await process.terminate() }
        if let inProcess { await inProcess.stop() }
        state?.remove()
    }
}
