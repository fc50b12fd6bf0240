import BeianJSON
import BeianRPC
import Foundation
import Synchronization
import Testing
import TestSupport

/// Handlers run on their connection's event loop (the loop is a task executor), and work a loop
/// queues for itself runs before it sleeps again.
@Suite("Handlers on the connection's loop")
struct HandlerExecutorTests {
    /// The calling thread's name, as the kernel knows it.
    static func currentThreadName() -> String {
        (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
    }

    struct ThreadAnswer: Codable, Sendable {
        var thread: String
        var afterAwait: String
    }

    static let service = RPCService(name: "test.v1.Threads", summary: "Where handlers run.", methods: [
        .unary("test.v1.Threads", "Where", request: JSONValue.self, response: ThreadAnswer.self) { _, _ in
            let before = currentThreadName()
            try await Task.sleep(for: .milliseconds(1))  // resumes on the task's preferred executor
            return ThreadAnswer(thread: before, afterAwait: currentThreadName())
        },
        RPCMethod.unary("test.v1.Threads", "WhereBulk", request: JSONValue.self, response: ThreadAnswer.self) { _, _ in
            ThreadAnswer(thread: currentThreadName(), afterAwait: currentThreadName())
        }.runningOnGlobalPool(),
    ])

    @Test("a handler runs on its connection's loop thread, also after it awaits; a bulk method runs on the global pool")
    func handlersRunOnTheLoop() async throws {
        try await withTestServer(services: [Self.service], configure: { $0.loopCount = 2 }) { server in
            let clients = try (0..<4).map { _ in try server.client() }
            for client in clients {
                let answer = try await client.unary("test.v1.Threads/Where", request: ["tag": "where"] as JSONValue, as: ThreadAnswer.self)
                #expect(answer.thread.hasPrefix("beian-rpc-"), "handler ran on \(answer.thread)")
                #expect(answer.afterAwait == answer.thread, "resumed on \(answer.afterAwait), started on \(answer.thread)")
            }
            let bulk = try await clients[0].unary("test.v1.Threads/WhereBulk", request: ["tag": "bulk"] as JSONValue, as: ThreadAnswer.self)
            #expect(!bulk.thread.hasPrefix("beian-rpc-"), "a method placed on the global pool ran on \(bulk.thread)")
            for client in clients { client.close() }
        }
    }

    @Test("a caller preferring its client's loop is resumed there after each call")
    func callerOnTheClientLoop() async throws {
        try await withTestServer { server in
            let group = try EventLoopGroup(count: 2, name: "test-client")
            defer { group.shutdown() }
            let other = try server.client(group: group)  // connects first, on one loop of the two
            _ = try await other.unaryJSON("beian.echo.v1.Echo/Echo", message: [:])
            let client = try server.client(group: group)
            let executor = try client.eventLoopExecutor()
            let threads = try await Task(executorPreference: executor) {
                var threads: [String] = []
                for index in 0..<5 {
                    let response = try await client.unaryJSON("beian.echo.v1.Echo/Echo", message: ["n": .int(Int64(index))])
                    #expect(response.message["n"] == .int(Int64(index)))
                    threads.append(Self.currentThreadName())
                }
                return threads
            }.value
            // One loop of the two: the one the client's connection runs on.
            #expect(Set(threads).count == 1, "resumed on \(threads)")
            #expect(threads.allSatisfy { $0.hasPrefix("test-client-") }, "resumed on \(threads)")
            // The connection that read the responses runs on that same loop.
            #expect(client.connectionLoop === (executor as? EventLoop))
            #expect(other.connectionLoop !== client.connectionLoop)
            client.close()
            other.close()
        }
    }

    @Test("a batch of handlers on one loop sends its first answers while the last handler still runs")
    func batchSendsEarly() async throws {
        // 40 calls arrive in one write; each answer is ~4 KiB. The last handler waits (up to 10 s,
        // holding the loop) until the client has seen the first answer: that only happens if
        // answers leave once 16 KiB wait, not at the end of the batch.
        let firstAnswerSeen = Atomic<Bool>(false)
        let service = RPCService(name: "test.v1.Batch", summary: "Batch answers.", methods: [
            .unary("test.v1.Batch", "Answer", request: JSONValue.self, response: JSONValue.self) { request, _ in
                var sawFirst = false
                if request["last"] == .bool(true) {
                    // Sleeping in steps (not spinning): the loop stays held, the core stays free.
                    let deadline = ContinuousClock.now + .seconds(10)
                    while !firstAnswerSeen.load(ordering: .acquiring) && ContinuousClock.now < deadline { usleep(1_000) }
                    sawFirst = firstAnswerSeen.load(ordering: .acquiring)
                }
                return ["padding": .string(String(repeating: "答", count: 1300)), "saw_first": .bool(sawFirst)]
            },
        ])
        try await withTestServer(services: [service]) { server in
            let client = try await RawTLSClient(port: server.address.port, tls: TestCertificates.shared.clientConfiguration(identity: TestCertificates.shared.client))
            var batch: [UInt8] = []
            for id in 1...40 {
                let frame = #"{"call": \#(id), "method": "test.v1.Batch/Answer", "message": {"last": \#(id == 40)}, "end": true}"#
                batch += FrameEncoder.frame(Array(frame.utf8))
            }
            try await client.sendRaw(batch)
            var statuses: [Int64: JSONValue] = [:]
            var lastAnswer: JSONValue?
            while statuses.count < 40, let frame = try await client.nextFrame(timeout: 10) {
                guard let id = frame["call"]?.int64Value else { continue }
                if frame["message"] != nil {
                    firstAnswerSeen.store(true, ordering: .releasing)
                    if id == 40 { lastAnswer = frame["message"] }
                }
                if let status = frame["status"] { statuses[id] = status }
            }
            #expect(statuses.count == 40)
            #expect(statuses.values.allSatisfy { $0["code"] == .int(0) })
            #expect(lastAnswer?["saw_first"] == .bool(true))
        }
    }

    @Test("executeAfterCurrentTask runs before the rest of the loop's queue")
    func afterCurrentTaskOrder() async throws {
        let loop = try EventLoop(name: "test-after")
        defer { loop.shutdown() }
        let order = Mutex<[String]>([])
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            loop.execute {
                loop.execute { order.withLock { $0.append("queued") }; continuation.resume() }
                loop.executeAfterCurrentTask { order.withLock { $0.append("after current") } }
                order.withLock { $0.append("current") }
            }
        }
        #expect(order.withLock { $0 } == ["current", "after current", "queued"])
    }

    @Test("a task preferring a loop that has stopped still runs, on the global pool")
    func stoppedLoop() async throws {
        let loop = try EventLoop(name: "test-stopped")
        loop.shutdown()
        let ran = Atomic<Bool>(false)
        let onLoop = Atomic<Bool>(true)
        Task(executorPreference: loop) {
            onLoop.store(loop.inEventLoop, ordering: .relaxed)
            ran.store(true, ordering: .releasing)
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while !ran.load(ordering: .acquiring) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        let didRun = ran.load(ordering: .acquiring)
        let ranOnLoop = onLoop.load(ordering: .relaxed)
        #expect(didRun)
        #expect(!ranOnLoop)
    }

    @Test("a task preferring a loop runs there")
    func taskPreferringALoop() async throws {
        let loop = try EventLoop(name: "test-executor")
        defer { loop.shutdown() }
        let onLoop = await Task(executorPreference: loop) { loop.inEventLoop }.value
        #expect(onLoop)
        #expect(!loop.inEventLoop)
    }

    @Test("closures the loop queues for itself run without anyone waking it")
    func selfQueuedWorkRuns() async throws {
        let loop = try EventLoop(name: "test-self-queue")
        defer { loop.shutdown() }
        let rounds = Mutex(0)
        // Each closure queues the next from the loop thread: none of them writes a wake-up, so
        // the loop must not go to sleep while they are pending.
        @Sendable func step() {
            let more = rounds.withLock { count -> Bool in
                count += 1
                return count < 100
            }
            if more { loop.execute(step) }
        }
        loop.execute(step)
        let deadline = ContinuousClock.now + .seconds(5)
        while rounds.withLock({ $0 }) < 100 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(rounds.withLock { $0 } == 100)
    }
}
