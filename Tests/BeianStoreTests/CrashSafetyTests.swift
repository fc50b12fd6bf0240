import BeianStore
import Dispatch
import Foundation
import Testing
import TestSupport

@Suite("Crash safety: acknowledged writes survive SIGKILL")
struct CrashSafetyTests {
    /// The schema StoreCrashWriter creates (same names, so reopening applies nothing).
    static let migrations = [
        AuditLog.migration,
        Migration("crash.v1.burst", sql: """
            CREATE TABLE burst (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, payload BLOB NOT NULL) STRICT
            """),
    ]

    @Test("every id the killed writer acknowledged is in the reopened file, which passes integrity_check",
          .timeLimit(.minutes(2)))
    func killMidBurst() async throws {
        let executable = try #require(
            Self.crashWriterPath(), "StoreCrashWriter not found next to the test binary; run `swift build` first")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("crash.sqlite")

        let (acknowledged, killedBySignal) = try await Self.runAndKill(executable, arguments: [path, "32"], afterLines: 600)
        #expect(killedBySignal, "the writer must still have been writing when it was killed")
        #expect(acknowledged.count >= 600)

        let store = try await Store.open(path: path, migrations: Self.migrations)
        let present = try await store.read { db in
            Set(try db.fetchAll("SELECT id FROM burst").map { try $0.decode(Int64.self, at: 0) })
        }
        let lost = acknowledged.subtracting(present)
        #expect(lost.isEmpty, "\(lost.count) acknowledged writes were lost, e.g. \(lost.prefix(5).sorted())")
        #expect(try await store.read { db in try db.integrityCheck() } == [])
        let audit = try await store.verifyAuditChain()
        #expect(audit.isIntact, "\(String(describing: audit.problem))")
        #expect(audit.entryCount == present.count)
        await store.close()
    }

    /// Starts the writer, reads acknowledged ids line by line, SIGKILLs it after `afterLines`
    /// lines, then reads what was already written to the pipe. Blocking reads run on their own
    /// dispatch queue, not on the cooperative pool.
    static func runAndKill(_ executable: String, arguments: [String], afterLines: Int) async throws -> (Set<Int64>, Bool) {
        let child = try ChildProcess(executable: executable, arguments: arguments, environment: ["PATH": "/usr/bin:/bin"])
        let ids = await withCheckedContinuation { (continuation: CheckedContinuation<Set<Int64>, Never>) in
            DispatchQueue(label: "crash-test.reader").async {
                var ids = Set<Int64>()
                var buffer = [UInt8]()
                var killed = false
                while true {
                    let chunk = child.standardOutput.readChunk()
                    if chunk.isEmpty { break }
                    buffer.append(contentsOf: chunk)
                    while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                        if let id = Int64(String(decoding: buffer[..<newline], as: UTF8.self)) { ids.insert(id) }
                        buffer.removeSubrange(...newline)
                    }
                    if !killed, ids.count >= afterLines {
                        child.send(SIGKILL)
                        killed = true
                    }
                }
                continuation.resume(returning: ids)
            }
        }
        let ending = await child.waitForExit()
        return (ids, ending == .signalled(SIGKILL))
    }

    /// The StoreCrashWriter executable in the build products directory (next to the test binary).
    static func crashWriterPath() -> String? {
        var directories: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append((exe as NSString).deletingLastPathComponent)
        }
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent().path)
        directories.append(Bundle.main.bundleURL.path)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        directories.append(root.appendingPathComponent(".build/debug").path)
        return directories.map { $0 + "/StoreCrashWriter" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
