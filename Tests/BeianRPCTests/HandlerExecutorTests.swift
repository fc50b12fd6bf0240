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
    ])

    @Test("a handler runs on its connection's loop thread, also after it awaits")
    func handlersRunOnTheLoop() async throws {
        try await withTestServer(services: [Self.service], configure: { $0.loopCount = 2 }) { server in
            let clients = try (0..<4).map { _ in try server.client() }
            for client in clients {
                let answer = try await client.unary("test.v1.Threads/Where", request: ["tag": "where"] as JSONValue, as: ThreadAnswer.self)
                #expect(answer.thread.hasPrefix("beian-rpc-"), "handler ran on \(answer.thread)")
                #expect(answer.afterAwait == answer.thread, "resumed on \(answer.afterAwait), started on \(answer.thread)")
            }
            for client in clients { client.close() }
        }
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
