// StoreCrashWriter: a helper process for BeianStoreTests' crash-safety test.
//
// Usage: StoreCrashWriter <database path> [concurrent writers, default 32]
//
// Opens the store, then many concurrent writers insert ~1 KiB rows (each with an audit entry) as
// fast as they can. Each id is printed on its own line to stdout only after `Store.write`
// returned, that is after its batch was committed and fsynced. The test kills this process with
// SIGKILL in the middle of the burst and checks that every printed id is in the database.
import BeianStore
import Foundation

/// The schema the crash test checks (it opens the file with the same list).
let crashMigrations = [
    AuditLog.migration,
    Migration("crash.v1.burst", sql: """
        CREATE TABLE burst (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, payload BLOB NOT NULL) STRICT
        """),
]

/// Writes one line with a single write(2), so lines from concurrent writers never interleave.
func emit(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: StoreCrashWriter <database path> [writers]\n".utf8))
    exit(2)
}
let path = arguments[1]
let writerCount = arguments.count > 2 ? Int(arguments[2]) ?? 32 : 32
let store = try await Store.open(path: path, migrations: crashMigrations)
let payload = [UInt8](repeating: 0xA5, count: 1024)
let deadline = ContinuousClock.now + .seconds(120)  // in case nobody kills us

await withTaskGroup(of: Void.self) { group in
    for writer in 0..<writerCount {
        group.addTask {
            var sequence = 0
            while ContinuousClock.now < deadline {
                let id = Int64(writer) * 10_000_000 + Int64(sequence)
                sequence += 1
                do {
                    try await store.write { db in
                        try db.execute("INSERT INTO burst (id, writer, payload) VALUES (?, ?, ?)", [id, writer, payload])
                        try db.appendAudit(
                            actor: "writer-\(writer)", action: "burst.insert", subject: "burst:\(id)", details: "{}",
                            at: Date())
                    }
                    emit(String(id))
                } catch {
                    FileHandle.standardError.write(Data("write \(id) failed: \(error)\n".utf8))
                }
            }
        }
    }
}
await store.close()
