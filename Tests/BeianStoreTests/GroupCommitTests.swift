import BeianStore
import Testing

@Suite("Group commit: concurrent writes share one transaction")
struct GroupCommitTests {
    struct Refused: Error, Equatable { let writer: Int }

    @Test("64 concurrent writes commit in far fewer transactions than writes")
    func batching() async throws {
        try await withStore { store, _ in
            let before = store.statistics
            let gate = try await WriterGate(store)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<64 {
                    group.addTask {
                        try await store.write { db in
                            try db.execute("INSERT INTO person (code, name) VALUES (?, ?)", ["W\(writer)", "写入者\(writer)"])
                        }
                    }
                }
                try await gate.waitForPending(64)
                try await gate.release()
                try await group.waitForAll()
            }
            let after = store.statistics
            #expect(after.transactionsCommitted - before.transactionsCommitted == 1)
            #expect(after.writesCommitted - before.writesCommitted == 64)
            #expect(after.largestBatch == 64)
            #expect(try await store.read { db in try db.fetchValue(Int.self, "SELECT count(*) FROM person") } == 64)
        }
    }

    @Test("a failing write in a batch gets its own error; the others commit")
    func isolation() async throws {
        try await withStore { store, _ in
            try await store.write { db in try db.execute("INSERT INTO person (code, name) VALUES ('TAKEN', '占用')") }
            let before = store.statistics
            let gate = try await WriterGate(store)
            let results = await withTaskGroup(of: (Int, Result<Void, any Error>).self) { group in
                for writer in 0..<10 {
                    group.addTask {
                        let result = await Result {
                            try await store.write { db in
                                try db.execute("INSERT INTO person (code, name) VALUES (?, ?)", ["C\(writer)", "人\(writer)"])
                                if writer == 3 { throw Refused(writer: 3) }
                                if writer == 6 { try db.execute("INSERT INTO person (code, name) VALUES ('TAKEN', '重')") }
                            }
                        }
                        return (writer, result)
                    }
                }
                try? await gate.waitForPending(10)
                try? await gate.release()
                var results: [Int: Result<Void, any Error>] = [:]
                for await (writer, result) in group { results[writer] = result }
                return results
            }
            #expect(store.statistics.transactionsCommitted - before.transactionsCommitted == 1)
            for (writer, result) in results {
                switch (writer, result) {
                case (3, .failure(let error)): #expect(error as? Refused == Refused(writer: 3))
                case (6, .failure(let error)): #expect((error as? DatabaseError)?.isUniqueConstraintViolation == true)
                case (_, .success) where writer != 3 && writer != 6: break
                default: Issue.record("writer \(writer) ended with \(result)")
                }
            }
            let codes = try await store.read { db in
                try db.fetchAll("SELECT code FROM person WHERE code LIKE 'C%' ORDER BY code").map { try $0.decode(String.self, at: 0) }
            }
            #expect(codes == ["C0", "C1", "C2", "C4", "C5", "C7", "C8", "C9"])
        }
    }

    @Test("a batch never exceeds the configured cap")
    func cap() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = StoreConfiguration()
        configuration.maximumBatchSize = 4
        let store = try await Store.open(path: directory.file("cap.sqlite"), migrations: [Fixtures.values], configuration: configuration)
        let gate = try await WriterGate(store)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<10 {
                group.addTask { try await store.write { db in try db.execute("INSERT INTO value (v) VALUES (?)", [index]) } }
            }
            try await gate.waitForPending(10)
            try await gate.release()
            try await group.waitForAll()
        }
        #expect(store.statistics.largestBatch == 4)
        #expect(store.statistics.transactionsCommitted == 3)
        await store.close()
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
