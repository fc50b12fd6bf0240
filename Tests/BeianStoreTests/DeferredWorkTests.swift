import BeianStore
import Synchronization
import Testing

@Suite("Deferred work: a write's derived data runs once at the end of its batch")
struct DeferredWorkTests {
    struct Refused: Error {}

    /// A log whose rowids give the order in which things ran.
    static let log = Migration("test.v1.log", sql: "CREATE TABLE log (id INTEGER PRIMARY KEY, entry TEXT NOT NULL) STRICT")

    static func entries(_ store: Store) async throws -> [String] {
        try await store.read { db in
            try db.fetchAll("SELECT entry FROM log ORDER BY id").map { try $0.decode(String.self, at: 0) }
        }
    }

    /// `count` writes queued together behind a gate, so that they run as one batch; write `index`
    /// runs `body(index, db)`. Returns each write's outcome; a write not answered within 30 s is
    /// missing from the result (a lost answer fails the test instead of hanging it).
    static func batch(_ store: Store, count: Int,
                      _ body: @escaping @Sendable (Int, Database) throws -> Void) async throws -> [Int: Result<Void, any Error>] {
        let gate = try await WriterGate(store)
        let results = Outcomes()
        for index in 0..<count {
            Task {
                let result = await Result { try await store.write { db in try body(index, db) } }
                results.value.withLock { $0[index] = result }
            }
        }
        try await gate.waitForPending(count)
        try await gate.release()
        let deadline = ContinuousClock.now + .seconds(30)
        while results.value.withLock({ $0.count }) < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        return results.value.withLock { $0 }
    }

    final class Outcomes: Sendable {
        let value = Mutex<[Int: Result<Void, any Error>]>([:])
    }

    @Test("deferred work runs after every write of the batch, in order, in the same transaction")
    func order() async throws {
        try await withStore(migrations: Fixtures.all + [Self.log]) { store, _ in
            let before = store.statistics
            let results = try await Self.batch(store, count: 4) { index, db in
                try db.execute("INSERT INTO log (entry) VALUES (?)", ["write \(index)"])
                try db.deferToEndOfBatch { db in
                    try db.execute("INSERT INTO log (entry) VALUES (?)", ["deferred \(index)"])
                    #expect(db.isInsideTransaction)
                }
            }
            #expect(results.values.allSatisfy { if case .success = $0 { true } else { false } })
            #expect(store.statistics.transactionsCommitted - before.transactionsCommitted == 1)
            let entries = try await Self.entries(store)
            #expect(entries.prefix(4).allSatisfy { $0.hasPrefix("write ") })
            #expect(entries.dropFirst(4) == entries.prefix(4).map { $0.replacingOccurrences(of: "write", with: "deferred") }[...])
        }
    }

    @Test("a write that fails takes its deferred work with it; the others keep theirs")
    func failedWriteDropsItsWork() async throws {
        try await withStore(migrations: Fixtures.all + [Self.log]) { store, _ in
            let results = try await Self.batch(store, count: 5) { index, db in
                try db.execute("INSERT INTO log (entry) VALUES (?)", ["write \(index)"])
                try db.deferToEndOfBatch { db in try db.execute("INSERT INTO log (entry) VALUES (?)", ["deferred \(index)"]) }
                if index == 2 { throw Refused() }
            }
            #expect(results.filter { if case .failure = $0.value { true } else { false } }.map(\.key) == [2])
            let entries = try await Self.entries(store)
            #expect(!entries.contains("write 2") && !entries.contains("deferred 2"))
            #expect(Set(entries).count == 8)
        }
    }

    @Test("deferred work that throws rolls the whole batch back, and every write in it is answered")
    func failingWorkAbortsTheBatch() async throws {
        try await withStore(migrations: Fixtures.all + [Self.log]) { store, _ in
            let results = try await Self.batch(store, count: 4) { index, db in
                try db.execute("INSERT INTO log (entry) VALUES (?)", ["write \(index)"])
                if index == 1 { throw Refused() }  // fails on its own, before the batch is aborted
                try db.deferToEndOfBatch { db in
                    if index == 3 { try db.execute("INSERT INTO no_such_table VALUES (1)") }
                }
            }
            #expect(results.count == 4, "writes never answered: \(Set(0..<4).subtracting(results.keys).sorted())")
            for (index, result) in results {
                guard case .failure(let error) = result else {
                    Issue.record("write \(index) succeeded in an aborted batch")
                    continue
                }
                if index == 1 {
                    #expect(error is Refused)
                } else {
                    #expect((error as? StoreError)?.code == .batchAborted, "write \(index): \(error)")
                    #expect("\(error)".contains("no_such_table"))
                }
            }
            #expect(try await Self.entries(store).isEmpty)
            // The writer goes on: the next write commits.
            try await store.write { db in try db.execute("INSERT INTO log (entry) VALUES ('after')") }
            #expect(try await Self.entries(store) == ["after"])
        }
    }

    @Test("outside a batch, deferred work runs at once")
    func immediateOutsideABatch() async throws {
        try await withStore(migrations: Fixtures.all + [Self.log]) { store, _ in
            try await store.writeWithoutTransaction { db in
                try db.deferToEndOfBatch { db in try db.execute("INSERT INTO log (entry) VALUES ('now')") }
                #expect(try db.fetchValue(Int.self, "SELECT count(*) FROM log") == 1)
            }
            #expect(try await Self.entries(store) == ["now"])
        }
    }
}
