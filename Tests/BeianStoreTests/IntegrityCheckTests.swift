import BeianStore
import Foundation
import Testing

@Suite("Checking the file after open")
struct IntegrityCheckTests {
    @Test("with quickCheckOnOpen off a damaged file opens, and checkIntegrity reports the damage while it runs")
    func checkAfterOpen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("later.sqlite")
        let store = try await Store.open(path: path, migrations: Fixtures.all)
        let payload = [UInt8](repeating: 7, count: 1500)
        try await store.write { db in
            for index in 1...400 { try db.execute("INSERT INTO value (id, v) VALUES (?, ?)", [index, payload]) }
        }
        #expect(try await store.checkIntegrity() == [])
        #expect(try await store.checkIntegrity(full: true) == [])
        await store.close()

        // Damage pages near the end of the file: rows of `value`, which opening does not read.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let pages = bytes.count / 4096
        for offset in stride(from: 4096 * (pages - 12) + 100, to: 4096 * (pages - 4), by: 7) { bytes[offset] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        var configuration = StoreConfiguration()
        configuration.quickCheckOnOpen = false
        let reopened = try await Store.open(path: path, migrations: Fixtures.all, configuration: configuration)
        let count = try await reopened.read { db in try db.fetchValue(Int.self, "SELECT count(*) FROM person") }
        #expect(count == 0, "the store serves while the check has not run")
        let problems = try await reopened.checkIntegrity()
        #expect(!problems.isEmpty)
        await reopened.close()
    }
}
