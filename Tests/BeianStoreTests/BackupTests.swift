import BeianStore
import Foundation
import Testing

@Suite("Online backup and restore")
struct BackupTests {
    static let payload = [UInt8](repeating: 0x5A, count: 1024)

    @Test("a backup taken while writes continue restores to a consistent, intact database")
    func backupDuringWrites() async throws {
        try await withStore { store, directory in
            for index in 1...200 {
                try await store.write { db in try db.execute("INSERT INTO value (id, v) VALUES (?, ?)", [index, Self.payload]) }
            }
            // A writer keeps inserting consecutive ids while the backup copies one page per step.
            let writer = Task {
                for index in 201...600 {
                    try await store.write { db in try db.execute("INSERT INTO value (id, v) VALUES (?, ?)", [index, Self.payload]) }
                }
            }
            let backupPath = directory.file("backup.sqlite")
            let pages = try await store.backup(to: backupPath, pagesPerStep: 1)
            try await writer.value
            #expect(pages > 50)
            #expect(!FileManager.default.fileExists(atPath: backupPath + "-wal"))

            let restoredPath = directory.file("restored.sqlite")
            try await Store.restore(backupAt: backupPath, to: restoredPath)
            let restored = try await Store.open(path: restoredPath, migrations: Fixtures.all)
            let ids = try await restored.read { db in
                try db.fetchAll("SELECT id FROM value ORDER BY id").map { try $0.decode(Int.self, at: 0) }
            }
            // Everything written before the backup began, and a gap-free prefix (one snapshot).
            #expect(ids.count >= 200)
            #expect(ids == Array(1...ids.count))
            #expect(try await restored.read { db in try db.integrityCheck() } == [])
            await restored.close()
        }
    }

    @Test("restore replaces a closed database, leaving none of its old WAL behind")
    func restoreOverExisting() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("live.sqlite")
        let store = try await Store.open(path: path, migrations: Fixtures.all)
        try await store.write { db in try db.execute("INSERT INTO person (code, name) VALUES ('A', '备份前')") }
        try await store.backup(to: directory.file("b.sqlite"))
        try await store.write { db in try db.execute("INSERT INTO person (code, name) VALUES ('B', '备份后')") }
        await store.close()

        try await Store.restore(backupAt: directory.file("b.sqlite"), to: path)
        let reopened = try await Store.open(path: path, migrations: Fixtures.all)
        let names = try await reopened.read { db in
            try db.fetchAll("SELECT name FROM person").map { try $0.decode(String.self, at: 0) }
        }
        #expect(names == ["备份前"])
        await reopened.close()
    }

    @Test("a damaged backup is refused and the target is left alone")
    func damagedBackup() async throws {
        try await withStore { store, directory in
            for index in 1...100 {
                try await store.write { db in try db.execute("INSERT INTO value (id, v) VALUES (?, ?)", [index, Self.payload]) }
            }
            let backupPath = directory.file("b.sqlite")
            try await store.backup(to: backupPath)
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: backupPath)))
            for offset in stride(from: 4096 * 2, to: min(bytes.count, 4096 * 6), by: 7) { bytes[offset] ^= 0xFF }
            try Data(bytes).write(to: URL(fileURLWithPath: backupPath))

            let target = directory.file("target.sqlite")
            let error = try await #require(throws: StoreError.self) {
                try await Store.restore(backupAt: backupPath, to: target)
            }
            #expect(error.code == .restore)
            #expect(!FileManager.default.fileExists(atPath: target))
        }
    }

    @Test("backup refuses to overwrite an existing file")
    func noOverwrite() async throws {
        try await withStore { store, directory in
            let path = directory.file("exists.sqlite")
            _ = FileManager.default.createFile(atPath: path, contents: Data("keep".utf8))
            let error = try await #require(throws: StoreError.self) { try await store.backup(to: path) }
            #expect(error.code == .backup)
            #expect(FileManager.default.contents(atPath: path) == Data("keep".utf8))
        }
    }
}
