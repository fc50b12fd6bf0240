import BeianStore
import Dispatch
import Foundation
import Synchronization

/// Shared schema and helpers for the store tests.
enum Fixtures {
    /// A small table of people with a unique code column.
    static let people = Migration("test.v1.people", sql: """
        CREATE TABLE person (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL
        ) STRICT
        """)

    /// A table holding one value of any type per row (STRICT, so ANY keeps every value as given).
    static let values = Migration("test.v1.values", sql: "CREATE TABLE value (id INTEGER PRIMARY KEY, v ANY) STRICT")

    static let all = [AuditLog.migration, IdempotencyRecords.migration, people, values]
}

/// Runs `body` with a store opened on a fresh file in a fresh temp directory, then closes it.
func withStore<T>(
    migrations: [Migration] = Fixtures.all, _ body: (Store, TemporaryDirectory) async throws -> T
) async throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try await Store.open(path: directory.file("test.sqlite"), migrations: migrations)
    do {
        let result = try await body(store, directory)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}

/// Holds the writer queue busy until `release()`, so that writes submitted meanwhile form one batch.
final class WriterGate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let store: Store
    private let blocker: Task<Void, any Error>

    /// Starts a job that blocks the writer queue (on its dispatch thread, not the cooperative pool)
    /// and returns once that job is running.
    init(_ store: Store) async throws {
        self.store = store
        let started = Flag()
        blocker = Task { [semaphore] in
            try await store.writeWithoutTransaction { _ in
                started.set()
                semaphore.wait()
            }
        }
        while !started.isSet {
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Waits until exactly `count` writes are queued behind the blocker.
    func waitForPending(_ count: Int) async throws {
        while store.pendingWriteCount != count {
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    func release() async throws {
        semaphore.signal()
        try await blocker.value
    }
}

/// A thread-safe boolean that starts false.
final class Flag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
