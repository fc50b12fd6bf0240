import BeianStore
import Foundation
import Testing

@Suite("Connection settings, checkpoints and clean closing")
struct LifecycleTests {
    @Test("connections run in WAL mode with synchronous=FULL and foreign keys on; the writer's savepoint journal stays in memory; readers refuse writes")
    func settings() async throws {
        try await withStore { store, _ in
            let (mode, synchronous, foreignKeys, tempStore) = try await store.write { db in
                (try db.fetchValue(String.self, "PRAGMA journal_mode"), try db.fetchValue(Int.self, "PRAGMA synchronous"),
                 try db.fetchValue(Int.self, "PRAGMA foreign_keys"), try db.fetchValue(Int.self, "PRAGMA temp_store"))
            }
            #expect(mode == "wal" && synchronous == 2 && foreignKeys == 1)
            #expect(tempStore == 2)  // MEMORY
            let error = try await #require(throws: DatabaseError.self) {
                try await store.read { db in try db.execute("INSERT INTO value (v) VALUES (1)") }
            }
            #expect(error.message.contains("readonly") || error.message.contains("read-only") || error.message.contains("query_only"))
        }
    }

    @Test("pages are checkpointed back into the database file while the store runs")
    func checkpoints() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = StoreConfiguration()
        configuration.checkpointThresholdPages = 8
        let path = directory.file("ck.sqlite")
        let store = try await Store.open(path: path, migrations: Fixtures.all, configuration: configuration)
        let payload = [UInt8](repeating: 7, count: 2048)
        for index in 1...300 {
            try await store.write { db in try db.execute("INSERT INTO value (id, v) VALUES (?, ?)", [index, payload]) }
        }
        let databaseBytes = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        let walBytes = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
        #expect(databaseBytes > 300 * 2048, "the rows reached the database file")
        // Each row fills a page of its own, so a WAL never restarted would hold at least 300 frames
        // (4 KiB page + 24-byte header each). How often it restarts depends on how the background
        // checkpoint keeps up, which a loaded machine slows down: the bound only asks that it did.
        #expect(walBytes < 250 * (4096 + 24), "the WAL was restarted instead of growing with every row")
        #expect(try await store.read { db in try db.fetchValue(Int.self, "SELECT count(*) FROM value") } == 300)
        await store.close()
    }

    @Test("closing closes every connection: the last one folds the WAL into the file and removes it")
    func cleanClose() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("close.sqlite")
        let store = try await Store.open(path: path, migrations: Fixtures.all)
        try await store.write { db in try db.execute("INSERT INTO person (code, name) VALUES ('A', '甲')") }
        _ = try await store.read { db in try db.fetchAll("SELECT * FROM person") }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        await store.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test("a damaged file is refused at open by quick_check")
    func damagedAtOpen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("bad.sqlite")
        let store = try await Store.open(path: path, migrations: Fixtures.all)
        for index in 1...200 {
            try await store.write { db in try db.execute("INSERT INTO person (code, name) VALUES (?, '某人')", ["C\(index)"]) }
        }
        await store.close()
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for offset in stride(from: 4096 * 3 + 100, to: min(bytes.count, 4096 * 5), by: 3) { bytes[offset] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = try await #require(throws: (any Error).self) { try await Store.open(path: path, migrations: Fixtures.all) }
        let refusedAsDamaged = (error as? StoreError)?.code == .integrity || (error as? DatabaseError)?.isCorruption == true
        #expect(refusedAsDamaged, "\(error)")
    }
}
